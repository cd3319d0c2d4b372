package io.avsb.internal.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the data-driven evaluation cases of {@code conformance/} (see its README): parses
 * each file once for its constants and parameters, expands the parameter runs, substitutes the
 * placeholders textually and parses each run. Thread-safe.
 */
final class ConformanceSuites {
  /** One expanded run of a file. */
  record Suite(String file, String name, Map<String, Object> sdkData, List<Map<String, Object>> cases) {}

  private static final Map<Path, List<Suite>> LOADED = new LinkedHashMap<>();

  private ConformanceSuites() {}

  /**
   * The directory of case files: system property {@code avsb.conformance.dir} (a relative path is
   * taken from the project root, where {@code mvn} runs), else the in-repository copy {@link
   * #bundledDirectory()}.
   */
  static Path directory() {
    String configured = System.getProperty("avsb.conformance.dir");
    if (configured != null && !configured.isBlank()) {
      return projectRoot().resolve(configured.trim()).toAbsolutePath().normalize();
    }
    return bundledDirectory();
  }

  /**
   * The copy of the cases that travels with the project: {@code conformance/server-side-eval}
   * under the project root ({@code avsb.project.root}, which surefire sets), found from a module
   * directory too.
   */
  static Path bundledDirectory() {
    Path relative = Paths.get("conformance", "server-side-eval");
    Path root = projectRoot();
    for (Path dir = root; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    return root.resolve(relative);
  }

  private static Path projectRoot() {
    return Paths.get(System.getProperty("avsb.project.root", System.getProperty("user.dir")))
        .toAbsolutePath().normalize();
  }

  /**
   * The case files of {@code dir}, failing with a message naming the directory when it is missing
   * or holds no case file: a run that checks nothing must not pass.
   */
  static List<Path> requireCaseFiles(Path dir) throws IOException {
    Path shown = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("No conformance directory at " + shown + " (set"
          + " -Davsb.conformance.dir=DIR to run another one; the project's own cases are in"
          + " conformance/server-side-eval)");
    }
    List<Path> files = files(dir);
    if (files.isEmpty()) {
      throw new AssertionError("The conformance directory " + shown
          + " holds no case file (*.yml, *.yaml or *.json)");
    }
    return files;
  }

  /** The case files of {@code dir} ({@code .yml}, {@code .yaml}, {@code .json}), sorted. */
  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)"))
          .sorted().toList();
    }
  }

  /** Every run of every case file of {@code dir}, read once per directory and JVM. */
  static synchronized List<Suite> loadAll(Path dir) throws IOException {
    List<Suite> suites = LOADED.get(dir);
    if (suites == null) {
      suites = new ArrayList<>();
      for (Path file : files(dir)) {
        suites.addAll(load(file));
      }
      suites = List.copyOf(suites);
      LOADED.put(dir, suites);
    }
    return suites;
  }

  /** Every run of {@code file}, placeholders substituted. */
  @SuppressWarnings("unchecked")
  static List<Suite> load(Path file) throws IOException {
    String raw = Files.readString(file, StandardCharsets.UTF_8);
    Yaml yaml = yaml();
    Map<String, Object> first = (Map<String, Object>) yaml.load(raw);
    Map<String, Object> constants =
        (Map<String, Object>) first.getOrDefault("constants", Map.of());
    List<Suite> suites = new ArrayList<>();
    for (Map<String, Object> run : runs(first.get("parameters"))) {
      String text = substitute(raw, constants);
      text = substitute(text, run);
      text = substitute(text, constants);
      Map<String, Object> doc = (Map<String, Object>) yaml.load(text);
      Map<String, Object> sdkData = (Map<String, Object>) doc.getOrDefault("sdkData", Map.of());
      List<Map<String, Object>> cases =
          (List<Map<String, Object>>) doc.getOrDefault("evaluations", List.of());
      suites.add(new Suite(file.getFileName().toString(), String.valueOf(doc.get("name")),
          sdkData == null ? Map.of() : sdkData, cases == null ? List.of() : cases));
    }
    return suites;
  }

  /** Parameter runs: one per map, or the cartesian product of lists of maps; one empty run if none. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> runs(Object parameters) {
    List<Map<String, Object>> runs = new ArrayList<>();
    if (!(parameters instanceof List<?> list) || list.isEmpty()) {
      runs.add(Map.of());
      return runs;
    }
    if (!(list.get(0) instanceof List)) {
      for (Object m : list) {
        runs.add((Map<String, Object>) m);
      }
      return runs;
    }
    runs.add(Map.of());
    for (Object group : list) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> partial : runs) {
        for (Object choice : (List<Object>) group) {
          Map<String, Object> merged = new LinkedHashMap<>(partial);
          merged.putAll((Map<String, Object>) choice);
          next.add(merged);
        }
      }
      runs = next;
    }
    return runs;
  }

  /**
   * Replaces each {@code "<NAME>"} (with its quotes) by the value's JSON text, then each remaining
   * {@code <NAME>} by the string's characters or the JSON text of any other value.
   */
  static String substitute(String text, Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String placeholder = "<" + e.getKey() + ">";
      String json = json(e.getValue());
      text = text.replace("\"" + placeholder + "\"", json);
      text = text.replace(placeholder, e.getValue() instanceof String s ? s : json);
    }
    return text;
  }

  /** JSON text of a value as SnakeYAML builds it, spaced so that YAML flow syntax reads it too. */
  static String json(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else if (c < 0x20) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      return sb.append('"').toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      m.forEach((k, val) -> out.add(json(String.valueOf(k)) + ": " + json(val)));
      return out.toString();
    }
    if (v instanceof List<?> l) {
      StringJoiner out = new StringJoiner(", ", "[", "]");
      l.forEach(val -> out.add(json(val)));
      return out.toString();
    }
    return v.toString(); // Boolean, Integer, Long, BigInteger, Double
  }

  /**
   * A YAML loader with the JSON-compatible core schema: only {@code true}/{@code false} are
   * booleans (YAML 1.1 would read the flag property {@code on} and the value {@code off} as
   * booleans), and timestamps stay strings. Merge keys are resolved.
   */
  static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    Resolver resolver = new Resolver() {
      @Override
      protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"),
            "tTfF");
        addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$"),
            "-+0123456789");
        addImplicitResolver(Tag.FLOAT,
            Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
            "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
      }
    };
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
        resolver);
  }
}
