package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner's reading of the case-file rules of {@code shared/conformance/README.md}. */
class ConformanceSuitesTest {
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
