package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.internal.log.LogCapture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A {@code matches} clause whose search exceeds its step budget, through the evaluator. */
class RegexBudgetTest {
  private static final String HOSTILE = "a".repeat(40) + "!";
  private static final AvsbContext ATTACKER =
      AvsbContext.builder("u1").set("plan", HOSTILE).build();

  private static String flag(String key, int version, String clauseOp, boolean negate) {
    return "\"" + key + "\": {\"key\": \"" + key + "\", \"version\": " + version + ", \"on\": true,"
        + " \"variations\": [\"fallthrough\", \"regex\", \"later\"],"
        + " \"rules\": [{\"id\": \"r0\", \"variation\": 1, \"clauses\": [{\"attribute\": \"plan\","
        + "   \"op\": \"" + clauseOp + "\", \"negate\": " + negate + ", \"values\": [\"(.*a){12}$\"]}]},"
        + "  {\"id\": \"r1\", \"variation\": 2, \"clauses\": [{\"attribute\": \"plan\","
        + "   \"op\": \"startsWith\", \"values\": [\"aaaa\"]}]}],"
        + " \"fallthrough\": {\"variation\": 0}}";
  }

  private static MapLookup data(String... flags) {
    return MapLookup.of("{\"flags\": {" + String.join(",", flags) + "}}");
  }

  private static EvaluationDetail<AvsbValue> evaluateWithin60s(MapLookup data, String key,
      AvsbContext context) throws Exception {
    return CompletableFuture.supplyAsync(() -> Evaluator.evaluate(data, data.flag(key), context, null))
        .get(60, TimeUnit.SECONDS);
  }

  @Test
  void aRegexThatGivesUpDoesNotMatchAndLaterRulesStillApply() throws Exception {
    MapLookup data = data(flag("plan-gate", 1, "matches", false));
    try (LogCapture log = new LogCapture()) {
      EvaluationDetail<AvsbValue> r = evaluateWithin60s(data, "plan-gate", ATTACKER);
      assertThat(r.value()).isEqualTo(AvsbValue.of("later"));
      assertThat(r.reason()).isEqualTo(EvaluationReason.ruleMatch(1, "r1", false));
      assertThat(log.linesWith("gave up")).singleElement().asString().contains("\"plan-gate\"");
    }
  }

  @Test
  void normalValuesStillMatchTheSamePattern() {
    MapLookup data = data(flag("plan-gate", 1, "matches", false));
    AvsbContext fine = AvsbContext.builder("u2").set("plan", "banana").build();
    EvaluationDetail<AvsbValue> r = Evaluator.evaluate(data, data.flag("plan-gate"), fine, null);
    assertThat(r.value()).isEqualTo(AvsbValue.of("fallthrough"));
    AvsbContext twelve = AvsbContext.builder("u3").set("plan", "a".repeat(12)).build();
    assertThat(Evaluator.evaluate(data, data.flag("plan-gate"), twelve, null).value())
        .isEqualTo(AvsbValue.of("regex"));
  }

  @Test
  void aNegatedClauseNegatesTheOperatorsNoMatchAsForAnInvalidPattern() throws Exception {
    MapLookup data = data(flag("not-gate", 1, "matches", true));
    try (LogCapture log = new LogCapture()) {
      assertThat(evaluateWithin60s(data, "not-gate", ATTACKER).value())
          .isEqualTo(AvsbValue.of("regex"));
      assertThat(log.linesWith("gave up")).singleElement().asString().contains("\"not-gate\"");
    }
  }

  @Test
  void oneWarningPerFlagVersionNamesFlagAndPatternButNotTheValue() throws Exception {
    try (LogCapture log = new LogCapture()) {
      MapLookup v1 = data(flag("gate\\nforged", 1, "matches", false));
      evaluateWithin60s(v1, "gate\nforged", ATTACKER);
      evaluateWithin60s(v1, "gate\nforged", ATTACKER);
      assertThat(log.linesWith("gave up")).singleElement().satisfies(line -> {
        assertThat(line).contains("WARN", "io.avsb.eval", "\"gate\\u000aforged\"",
            "(.*a){12}$", "41 characters").doesNotContain(HOSTILE);
      });
      MapLookup v2 = data(flag("gate\\nforged", 2, "matches", false));
      evaluateWithin60s(v2, "gate\nforged", ATTACKER);
      assertThat(log.linesWith("gave up")).hasSize(2);
      assertThat(log.lines()).noneMatch(l -> l.startsWith("forged"));
    }
  }

  @Test
  void aRegexInASegmentRuleIsBoundedToo() throws Exception {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": {\"on\": true, \"variations\": [false, true],"
        + " \"rules\": [{\"variation\": 1, \"clauses\": [{\"attribute\": \"\", \"op\": \"segmentMatch\","
        + "   \"values\": [\"s\"]}]}], \"fallthrough\": {\"variation\": 0}}},"
        + " \"segments\": {\"s\": {\"rules\": [{\"clauses\": [{\"attribute\": \"plan\","
        + "   \"op\": \"matches\", \"values\": [\"(.*a){8}b\"]}]}]}}}");
    try (LogCapture log = new LogCapture()) {
      EvaluationDetail<AvsbValue> r = evaluateWithin60s(data, "f", ATTACKER);
      assertThat(r.value()).isEqualTo(AvsbValue.FALSE);
      assertThat(log.linesWith("gave up")).singleElement().asString().contains("\"f\"");
    }
  }
}
