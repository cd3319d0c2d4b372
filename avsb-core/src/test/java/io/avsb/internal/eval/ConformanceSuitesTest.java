package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's reading of the case-file rules of {@code conformance/README.md}. */
class ConformanceSuitesTest {
  @Test
  void theCasesTravelWithTheProject() {
    Path bundled = ConformanceSuites.bundledDirectory();
    assertThat(bundled).endsWith(Path.of("conformance", "server-side-eval")).isDirectory();
    assertThat(bundled.resolveSibling("LICENSE.txt")).isRegularFile();
    assertThat(bundled.toString()).doesNotContain("shared");
  }

  @Test
  void aMissingDirectoryFailsNamingItsPath(@TempDir Path tmp) {
    Path missing = tmp.resolve("no-such-cases");
    assertThatThrownBy(() -> ConformanceSuites.requireCaseFiles(missing))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No conformance directory at " + missing.toAbsolutePath());
  }

  @Test
  void aDirectoryWithoutCaseFilesFailsNamingItsPath(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("notes.txt"), "not a case file");
    assertThatThrownBy(() -> ConformanceSuites.requireCaseFiles(tmp))
        .isInstanceOf(AssertionError.class)
        .hasMessage("The conformance directory " + tmp.toAbsolutePath().normalize()
            + " holds no case file (*.yml, *.yaml or *.json)");
  }

  @Test
  void aRelativeDirectoryIsTakenFromTheProjectRoot() {
    String before = System.getProperty("avsb.conformance.dir");
    System.setProperty("avsb.conformance.dir", "conformance/server-side-eval");
    try {
      assertThat(ConformanceSuites.directory()).isEqualTo(ConformanceSuites.bundledDirectory());
    } finally {
      if (before == null) {
        System.clearProperty("avsb.conformance.dir");
      } else {
        System.setProperty("avsb.conformance.dir", before);
      }
    }
  }

  @Test
  void listsOfListsExpandToTheirCartesianProduct() {
    List<Map<String, Object>> runs = ConformanceSuites.runs(List.of(
        List.of(Map.of("A", 1), Map.of("A", 2)),
        List.of(Map.of("B", "x"), Map.of("B", "y"), Map.of("B", "z"))));
    assertThat(runs).hasSize(6).contains(Map.of("A", 2, "B", "z"));
    assertThat(ConformanceSuites.runs(List.of(Map.of("A", 1), Map.of("A", 2)))).hasSize(2);
    assertThat(ConformanceSuites.runs(null)).containsExactly(Map.of());
  }

  @Test
  void quotedPlaceholdersTakeJsonAndBareOnesTakeStringCharacters() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("S", "a \"b\"");
    values.put("N", 5);
    values.put("O", Map.of("k", List.of(true, "v")));
    String text = "q: \"<S>\"\nb: x<S>y\nn: \"<N>\" <N>\no: <O>\nkeep: <OTHER>";
    assertThat(ConformanceSuites.substitute(text, values)).isEqualTo(
        "q: \"a \\\"b\\\"\"\nb: xa \"b\"y\nn: 5 5\no: {\"k\": [true, \"v\"]}\nkeep: <OTHER>");
  }

  @Test
  void yamlKeepsOnOffAndDatesAsTextAndResolvesMergeKeys() {
    Object doc = ConformanceSuites.yaml().load(
        "base: &b {on: true, x: 1}\nflag:\n  <<: *b\n  v: [off, yes, 2017-12-06, 1.5, 7]\n");
    @SuppressWarnings("unchecked")
    Map<String, Object> flag = (Map<String, Object>) ((Map<String, Object>) doc).get("flag");
    assertThat(flag).containsEntry("on", true).containsEntry("x", 1);
    assertThat(flag.get("v")).isEqualTo(List.of("off", "yes", "2017-12-06", 1.5, 7));
  }
}
