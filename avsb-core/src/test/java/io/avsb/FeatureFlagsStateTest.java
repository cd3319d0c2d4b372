package io.avsb;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.FeatureFlagsState.FlagState;
import org.junit.jupiter.api.Test;

class FeatureFlagsStateTest {
  @Test
  void jsonHasValuesMetadataAndValidity() {
    FeatureFlagsState state = FeatureFlagsState.builder()
        .add("b", new FlagState(AvsbValue.of("blue"), 1, 7,
            EvaluationReason.ruleMatch(0, "r1", true), true))
        .add("a", new FlagState(AvsbValue.TRUE, 0, 2, EvaluationReason.fallthrough(), false))
        .build();
    assertThat(AvsbValue.parse(state.toJson())).isEqualTo(AvsbValue.parse("{"
        + "\"a\": true, \"b\": \"blue\","
        + "\"$flagsState\": {"
        + "  \"a\": {\"variation\": 0, \"version\": 2, \"reason\": {\"kind\": \"FALLTHROUGH\"}},"
        + "  \"b\": {\"variation\": 1, \"version\": 7, \"reason\": {\"kind\": \"RULE_MATCH\","
        + "     \"ruleIndex\": 0, \"ruleId\": \"r1\", \"inExperiment\": true},"
        + "     \"trackEvents\": true}},"
        + "\"$valid\": true}"));
    assertThat(state.toJson()).startsWith("{\"a\":true,\"b\":\"blue\",\"$flagsState\"");
  }

  @Test
  void defaultValueLeavesOutVariationAndShowsTheError() {
    FeatureFlagsState state = FeatureFlagsState.builder()
        .add("m", new FlagState(null, EvaluationDetail.NO_VARIATION, 3,
            EvaluationReason.error(EvaluationReason.ErrorKind.MALFORMED_FLAG), false))
        .add("p", new FlagState(AvsbValue.FALSE, 1, 1,
            EvaluationReason.prerequisiteFailed("q"), false))
        .build();
    AvsbValue json = state.toValue();
    assertThat(json.get("m")).isEqualTo(AvsbValue.NULL);
    assertThat(json.get("$flagsState").get("m")).isEqualTo(AvsbValue.parse(
        "{\"version\":3,\"reason\":{\"kind\":\"ERROR\",\"errorKind\":\"MALFORMED_FLAG\"}}"));
    assertThat(json.get("$flagsState").get("p").get("reason")).isEqualTo(AvsbValue.parse(
        "{\"kind\":\"PREREQUISITE_FAILED\",\"prerequisiteKey\":\"q\"}"));
  }

  @Test
  void invalidStateHasNoFlags() {
    FeatureFlagsState state = FeatureFlagsState.invalid();
    assertThat(state.isValid()).isFalse();
    assertThat(state.flags()).isEmpty();
    assertThat(AvsbValue.parse(state.toJson()))
        .isEqualTo(AvsbValue.parse("{\"$flagsState\":{},\"$valid\":false}"));
  }

  @Test
  void accessorsGiveValuesAndStates() {
    FlagState s = new FlagState(AvsbValue.of(3), 2, 1, EvaluationReason.targetMatch(), false);
    FeatureFlagsState state = FeatureFlagsState.builder().add("n", s).build();
    assertThat(state.getFlagValue("n")).isEqualTo(AvsbValue.of(3));
    assertThat(state.getFlagValue("missing")).isNull();
    assertThat(state.getFlagState("n")).isEqualTo(s);
    assertThat(state.toValuesMap()).containsExactly(java.util.Map.entry("n", AvsbValue.of(3)));
    assertThat(state).isEqualTo(FeatureFlagsState.builder().add("n", s).build());
  }

  @Test
  void builtStateDoesNotChangeWhenTheBuilderDoes() {
    FeatureFlagsState.Builder b = FeatureFlagsState.builder()
        .add("x", new FlagState(AvsbValue.TRUE, 0, 1, EvaluationReason.off(), false));
    FeatureFlagsState state = b.build();
    b.add("y", new FlagState(AvsbValue.TRUE, 0, 1, EvaluationReason.off(), false));
    assertThat(state.flags()).containsOnlyKeys("x");
  }
}
