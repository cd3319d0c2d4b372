package io.avsb.examples.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.EvaluationReason;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's promises, checked on the README itself: its Java snippets compile as shown (with
 * the imports they leave out), its flag-file examples load, and the coordinates and BOM it
 * describes match the build. Lives here because this module's test class path holds everything
 * the snippets use: the servlet and JAX-RS modules, Jersey, the testkit and {@code CheckoutApp}.
 */
class ReadmeTest {
  private static final Path ROOT = Path.of(System.getProperty("avsb.project.root", "../.."));
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
  private static final String IMPORTS = """
      package io.avsb.examples.jaxrs;

      import static org.assertj.core.api.Assertions.assertThat;

      import io.avsb.*;
      import dev.openfeature.sdk.*;
      import io.avsb.jaxrs.*;
      import io.avsb.micrometer.*;
      import io.avsb.openfeature.*;
      import io.avsb.opentelemetry.*;
      import io.avsb.servlet.*;
      import io.avsb.testkit.*;
      import jakarta.inject.Inject;
      import jakarta.servlet.annotation.WebServlet;
      import jakarta.servlet.http.HttpServlet;
      import jakarta.servlet.http.HttpServletRequest;
      import jakarta.servlet.http.HttpServletResponse;
      import jakarta.ws.rs.*;
      import jakarta.ws.rs.core.*;
      import java.io.IOException;
      import io.micrometer.core.instrument.MeterRegistry;
      import jakarta.servlet.ServletContext;
      import java.util.Map;
      import org.glassfish.jersey.server.ResourceConfig;
      import org.junit.jupiter.api.Test;
      """;

  private record Block(String language, String text, int line) {}

  private static List<Block> blocks(String language) throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<Block> out = new ArrayList<>();
    Matcher m = FENCE.matcher(readme);
    while (m.find()) {
      if (m.group(1).equals(language)) {
        int line = (int) readme.substring(0, m.start()).lines().count() + 1;
        out.add(new Block(language, m.group(2), line));
      }
    }
    return out;
  }

  @Test
  void everyJavaSnippetCompilesAsShown(@TempDir Path out) throws Exception {
    List<Block> snippets = blocks("java");
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(6);
    List<JavaFileObject> sources = new ArrayList<>();
    Map<String, Block> byClass = new LinkedHashMap<>();
    for (Block b : snippets) {
      String name = "ReadmeSnippetAtLine" + b.line();
      String head = b.text().stripLeading();
      boolean declarations = head.startsWith("@") || head.startsWith("public class");
      String body = declarations ? b.text()
          : "void snippet(HttpServletRequest request, ServletContext servletContext, String sdkKey,"
              + " MeterRegistry meterRegistry) throws Exception {\n" + b.text() + "}\n";
      String code = IMPORTS + "\nclass " + name + " {\n" + body + "}\n";
      byClass.put(name, b);
      sources.add(new SimpleJavaFileObject(
          URI.create("string:///io/avsb/examples/jaxrs/" + name + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return code;
        }
      });
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok = javac.getTask(null, null, diagnostics, List.of("-proc:none", "-d",
        out.toString(), "-classpath", testClassPath()), null, sources).call();
    List<String> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "README snippet at line " + byClass.get(className(d)).line() + ": "
            + d.getMessage(null))
        .toList();
    assertThat(errors).isEmpty();
    assertThat(ok).isTrue();
  }

  private static String className(Diagnostic<? extends JavaFileObject> d) {
    String path = d.getSource().toUri().getPath();
    return path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
  }

  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }

  @Test
  void everyFlagFileExampleLoadsAndEvaluatesWithoutError(@TempDir Path dir) throws Exception {
    List<Block> examples = blocks("json");
    assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
    for (Block b : examples) {
      Path file = Files.writeString(dir.resolve("flags-" + b.line() + ".json"), b.text());
      AvsbValue doc = AvsbValue.parse(b.text());
      List<String> keys = new ArrayList<>();
      for (String section : List.of("flags", "flagValues")) {
        AvsbValue entries = doc.get(section);
        if (entries instanceof AvsbValue.Obj obj) {
          keys.addAll(obj.values().keySet());
        }
      }
      assertThat(keys).as("flags in the example at line %d", b.line()).isNotEmpty();
      try (AvsbServer server = new AvsbServer(AvsbConfig.builder(null).flagsFile(file)
          .startWait(Duration.ofSeconds(10)).build())) {
        assertThat(server.dataSourceStatus().state()).as("example at line %d", b.line())
            .isEqualTo(DataSourceStatus.State.VALID);
        for (String key : keys) {
          EvaluationReason reason = server.forUser(Map.of("key", "u2", "plan", "pro"))
              .getJsonFlagDetail(key, AvsbValue.NULL).reason();
          assertThat(reason.kind()).as("%s in the example at line %d", key, b.line())
              .isNotEqualTo(EvaluationReason.Kind.ERROR);
        }
      }
    }
  }

  @Test
  void theWholeWebXmlIsWellFormedAndNamesTheListenerAndFilter() throws Exception {
    List<Block> files = blocks("xml").stream()
        .filter(b -> b.text().startsWith("<?xml")).toList();
    assertThat(files).isNotEmpty();
    for (Block b : files) {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(b.text().getBytes(StandardCharsets.UTF_8)));
      assertThat(doc.getDocumentElement().getTagName()).isEqualTo("web-app");
      assertThat(b.text()).contains("io.avsb.servlet.AvsbServletContextListener",
          "io.avsb.servlet.AvsbFilter");
    }
  }

  /** Modules that publish no library: the BOM itself, test-only modules and the benchmarks. */
  private static final Set<String> TEST_ONLY_MODULES =
      Set.of("avsb-bom", "avsb-jaxrs-contract", "avsb-differential", "avsb-bench");

  @Test
  void theBomPinsTheBuildsVersionsAndEveryLibraryModule() throws Exception {
    Document root = xml(ROOT.resolve("pom.xml"));
    Document bom = xml(ROOT.resolve("avsb-bom/pom.xml"));
    assertThat(child(bom.getDocumentElement(), "version"))
        .isEqualTo(child(root.getDocumentElement(), "version"));
    Map<String, String> rootProperties = properties(root);
    Map<String, String> bomProperties = properties(bom);
    assertThat(bomProperties).isNotEmpty();
    bomProperties.forEach((name, value) -> assertThat(rootProperties.get(name))
        .as("%s in the root pom.xml and avsb-bom/pom.xml", name).isEqualTo(value));
    List<String> pinned = new ArrayList<>();
    NodeList deps = bom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      if (child(d, "groupId").equals("io.avsb")) {
        pinned.add(child(d, "artifactId"));
      }
    }
    NodeList modules = root.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Node module = modules.item(i);
      String name = module.getTextContent().trim();
      boolean inProfile = module.getParentNode().getParentNode().getNodeName().equals("profile");
      if (name.startsWith("avsb-") && !TEST_ONLY_MODULES.contains(name) && !inProfile) {
        assertThat(pinned).as("library module %s in avsb-bom/pom.xml", name).contains(name);
      }
    }
  }

  @Test
  void theReadmeNamesTheBomAndModulesThatExist() throws Exception {
    String version = child(xml(ROOT.resolve("avsb-bom/pom.xml")).getDocumentElement(), "version");
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(readme)
        .contains("<artifactId>avsb-bom</artifactId>\n      <version>" + version + "</version>")
        .contains("platform(\"io.avsb:avsb-bom:" + version + "\")");
    Matcher install = Pattern.compile("mvn -B install -DskipTests -pl (\\S+) -am").matcher(readme);
    assertThat(install.find()).as("the install command").isTrue();
    for (String module : install.group(1).split(",")) {
      assertThat(ROOT.resolve(module).resolve("pom.xml")).as(module).isRegularFile();
    }
  }

  private static Document xml(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  private static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return "";
  }

  private static Map<String, String> properties(Document pom) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Node n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("properties")) {
        for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
          if (p instanceof Element prop) {
            out.put(prop.getTagName(), prop.getTextContent().trim());
          }
        }
      }
    }
    return out;
  }
}
