package io.avsb.bench;

import io.avsb.AvsbValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of an {@code avsb-bench/overhead.sh} run: for each flag and round, the wall-clock
 * score and the benchmark thread's CPU time per call of the baseline and the variant and their
 * ratios; then per flag the median and the best iteration over all rounds, by wall clock and by
 * CPU time. On a loaded machine the CPU time is the steadier of the two: it leaves out the time
 * the thread waited for a core.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.avsb.bench.OverheadReport DIR BASE OTHER}, where
 * {@code DIR} holds {@code FLAG-ROUND-BENCHMARK.json} and {@code .log} files.
 */
public final class OverheadReport {
  private static final Pattern FILE = Pattern.compile("(.+)-(\\d+)-(\\w+)\\.json");
  private static final Pattern CPU = Pattern.compile(
      "# caller-thread cpu: \\S+ \\S+ ([\\d.]+) ns/op; per iteration:([ \\d.]*)");
  private static final Pattern ALLOC =
      Pattern.compile("# caller-thread allocation: \\S+ \\S+ ([\\d.]+) B/op");

  private OverheadReport() {}

  /** One fork's figures. */
  private record Fork(double wall, List<Double> wallIterations, double cpu,
      List<Double> cpuIterations, String callerBytes) {}

  /** Prints the tables for the runs in {@code args[0]} of {@code args[1]} against {@code args[2]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: OverheadReport DIR BASE OTHER");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String base = args[1];
    String other = args[2];
    Map<String, Map<Integer, Map<String, Fork>>> runs = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        Matcher m = FILE.matcher(f.getFileName().toString());
        Fork fork = m.matches() ? read(f) : null;
        if (fork != null) {
          runs.computeIfAbsent(m.group(1), k -> new TreeMap<>())
              .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new TreeMap<>())
              .put(m.group(3), fork);
        }
      }
    }
    System.out.println("| flag | round | wall ns/op " + base + " | " + other + " | ratio"
        + " | CPU ns/op " + base + " | " + other + " | ratio | caller B/op | caller B/op |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    runs.forEach((flag, rounds) -> rounds.forEach((round, forks) -> {
      Fork b = forks.get(base);
      Fork o = forks.get(other);
      if (b != null && o != null) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %s"
            + " | %s |%n", flag, round, b.wall, o.wall, o.wall / b.wall, b.cpu, o.cpu,
            o.cpu / b.cpu, b.callerBytes, o.callerBytes);
      }
    }));
    System.out.println();
    System.out.println("| flag | wall median | ratio | wall best | ratio | CPU median | ratio"
        + " | CPU best | ratio |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    runs.forEach((flag, rounds) -> {
      List<Double> bw = new ArrayList<>();
      List<Double> ow = new ArrayList<>();
      List<Double> bc = new ArrayList<>();
      List<Double> oc = new ArrayList<>();
      rounds.values().forEach(forks -> {
        if (forks.containsKey(base) && forks.containsKey(other)) {
          bw.addAll(forks.get(base).wallIterations);
          ow.addAll(forks.get(other).wallIterations);
          bc.addAll(forks.get(base).cpuIterations);
          oc.addAll(forks.get(other).cpuIterations);
        }
      });
      if (bw.isEmpty() || bc.isEmpty() || oc.isEmpty()) {
        return;
      }
      System.out.printf(Locale.ROOT, "| %s | %.1f / %.1f | %.2f | %.1f / %.1f | %.2f"
          + " | %.1f / %.1f | **%.2f** | %.1f / %.1f | %.2f |%n", flag,
          median(bw), median(ow), median(ow) / median(bw),
          Collections.min(bw), Collections.min(ow), Collections.min(ow) / Collections.min(bw),
          median(bc), median(oc), median(oc) / median(bc),
          Collections.min(bc), Collections.min(oc), Collections.min(oc) / Collections.min(bc));
    });
  }

  private static Fork read(Path json) throws IOException {
    AvsbValue results = AvsbValue.parse(Files.readString(json, StandardCharsets.UTF_8));
    Path logFile = json.resolveSibling(json.getFileName().toString().replace(".json", ".log"));
    if (results.size() == 0 || !Files.exists(logFile)) {
      return null;
    }
    AvsbValue primary = results.get(0).get("primaryMetric");
    List<Double> wall = new ArrayList<>();
    AvsbValue raw = primary.get("rawData").get(0);
    for (int i = 0; i < raw.size(); i++) {
      wall.add(raw.get(i).doubleValue());
    }
    String log = Files.readString(logFile, StandardCharsets.UTF_8);
    Matcher cpu = CPU.matcher(log);
    Matcher alloc = ALLOC.matcher(log);
    if (!cpu.find()) {
      return null;
    }
    List<Double> cpuIterations = new ArrayList<>();
    for (String s : cpu.group(2).trim().split("\\s+")) {
      if (!s.isEmpty()) {
        cpuIterations.add(Double.parseDouble(s));
      }
    }
    return new Fork(primary.get("score").doubleValue(), wall, Double.parseDouble(cpu.group(1)),
        cpuIterations, alloc.find() ? alloc.group(1) : "-");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
