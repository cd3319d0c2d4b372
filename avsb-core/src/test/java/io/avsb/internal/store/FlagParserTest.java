package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlagParserTest {
  private static Flag flag(String json) {
    return FlagParser.parseFlag("f", AvsbValue.parse(json));
  }

  @Test
  void readsTheFlagProperties() {
    Flag f = flag("""
        {"key": "f", "version": 7, "on": true, "salt": "pepper", "variations": ["a", "b"],
         "offVariation": 1, "fallthrough": {"variation": 0}, "trackEvents": true,
         "trackEventsFallthrough": true, "debugEventsUntilDate": 1700000000000,
         "clientSideAvailability": {"usingEnvironmentId": true, "usingMobileKey": false},
         "rules": [{"id": "r0", "variation": 1, "trackEvents": true, "clauses": []},
                   {"id": "r1", "variation": 0, "clauses": []}],
         "somethingNew": {"ignored": true}}
        """);
    assertThat(f.malformedError()).isNull();
    assertThat(f.key()).isEqualTo("f");
    assertThat(f.version()).isEqualTo(7);
    assertThat(f.on()).isTrue();
    assertThat(f.salt()).isEqualTo("pepper");
    assertThat(f.trackEvents()).isTrue();
    assertThat(f.trackEventsFallthrough()).isTrue();
    assertThat(f.debugEventsUntilDate()).isEqualTo(1_700_000_000_000L);
    assertThat(f.clientSideAvailable()).isTrue();
    assertThat(f.clientSideUsingMobileKey()).isFalse();
    assertThat(f.isRuleTracked(0)).isTrue();
    assertThat(f.isRuleTracked(1)).isFalse();
    assertThat(f.isRuleTracked(2)).isFalse();
    assertThat(f.isRuleTracked(-1)).isFalse();
    assertThat(f.offResult()).isEqualTo(EvaluationDetail.of(AvsbValue.of("b"), 1,
        EvaluationReason.off()));
  }

  @Test
  void legacyClientSideFlagAppliesWhenAvailabilityIsAbsent() {
    Flag legacy = flag("{\"clientSide\": true, \"variations\": [1]}");
    assertThat(legacy.clientSideAvailable()).isTrue();
    assertThat(legacy.clientSideUsingMobileKey()).isTrue();
    Flag hidden = flag("{\"variations\": [1]}");
    assertThat(hidden.clientSideAvailable()).isFalse();
  }

  @Test
  void deletedItemsAreTombstones() {
    Flag f = flag("{\"key\": \"f\", \"version\": 3, \"deleted\": true}");
    assertThat(f.deleted()).isTrue();
    assertThat(f.version()).isEqualTo(3);
    assertThat(f.malformedError()).isNull();
    Segment s = FlagParser.parseSegment("s", AvsbValue.parse("{\"version\": 4, \"deleted\": true}"));
    assertThat(s.deleted()).isTrue();
    assertThat(s.version()).isEqualTo(4);
  }

  @Test
  void wrongTypesMakeTheItemMalformedNamingThePath() {
    assertThat(flag("[]").malformedError()).contains("flag must be an object");
    assertThat(flag("{\"on\": \"yes\"}").malformedError()).contains("on must be a boolean");
    assertThat(flag("{\"offVariation\": 1.5}").malformedError())
        .contains("offVariation must be an integer");
    assertThat(flag("{\"rules\": [{\"clauses\": [{\"values\": 3}]}]}").malformedError())
        .contains("rules[0].clauses[0].values must be an array");
    assertThat(flag("{\"targets\": [{\"values\": [1], \"variation\": 0}]}").malformedError())
        .contains("targets[0].values[0] must be a string");
    assertThat(flag("{\"prerequisites\": [{\"variation\": 0}]}").malformedError())
        .contains("prerequisites[0].key is required");
    assertThat(flag("{\"fallthrough\": {\"rollout\": {\"seed\": \"x\"}}}").malformedError())
        .contains("fallthrough.rollout.seed must be an integer");
    Flag malformed = flag("{\"version\": 9, \"on\": 1}");
    assertThat(malformed.version()).isEqualTo(9);
    assertThat(malformed.offResult().reason().errorKind())
        .isEqualTo(EvaluationReason.ErrorKind.MALFORMED_FLAG);
    assertThat(FlagParser.parseSegment("s", AvsbValue.parse("{\"rules\": 1}")).malformedError())
        .contains("rules must be an array");
  }

  @Test
  void problemsOnlySomePathsReachAreLeftForEvaluation() {
    Flag f = flag("""
        {"on": true, "variations": [1], "offVariation": 5, "fallthrough": {"variation": -1},
         "rules": [{"clauses": [{"contextKind": "user", "attribute": "/a~", "op": "nope",
                    "values": []}]}]}
        """);
    assertThat(f.malformedError()).isNull();
    assertThat(f.offResult().reason().errorKind())
        .isEqualTo(EvaluationReason.ErrorKind.MALFORMED_FLAG);
    assertThat(f.rules().get(0).clauses().get(0).attribute().isValid()).isFalse();
    assertThat(f.rules().get(0).clauses().get(0).op()).isEqualTo(Operator.UNKNOWN);
  }

  @Test
  void clausesArePreprocessedForTheirOperator() {
    Flag f = flag("""
        {"rules": [{"clauses": [
          {"attribute": "a", "op": "in", "values": [1, "x", 1.0]},
          {"attribute": "a", "op": "matches", "values": ["^a", "(", 3]},
          {"attribute": "a", "op": "after", "values": ["2020-01-01T00:00:00Z", "bad", 5]},
          {"attribute": "a", "op": "semVerEqual", "values": ["1.0", "x"]},
          {"attribute": "a", "op": "lessThan", "values": [1, "2"]},
          {"attribute": "", "op": "segmentMatch", "values": ["s1", 2, "s2"]}]}]}
        """);
    var clauses = f.rules().get(0).clauses();
    assertThat(clauses.get(0).valueSet()).containsExactly(AvsbValue.of(1));
    assertThat(clauses.get(0).stringSet()).containsExactly("x");
    assertThat(clauses.get(1).regexes()).hasSize(1);
    assertThat(clauses.get(2).dates()).hasSize(2);
    assertThat(clauses.get(3).versions()).hasSize(1);
    assertThat(clauses.get(4).numbers()).containsExactly(1.0);
    assertThat(clauses.get(5).strings()).containsExactly("s1", "s2");
    assertThat(f.segmentKeys()).containsExactly("s1", "s2");
  }

  @Test
  void clauseAttributesAreReferencesOnlyWithAContextKind() {
    Flag f = flag("""
        {"rules": [{"clauses": [
          {"attribute": "/a/b", "op": "in", "values": []},
          {"contextKind": "org", "attribute": "/a/b", "op": "in", "values": []},
          {"contextKind": "", "attribute": "/a/b", "op": "in", "values": []}]}]}
        """);
    var clauses = f.rules().get(0).clauses();
    assertThat(clauses.get(0).attribute().depth()).isEqualTo(1);
    assertThat(clauses.get(0).attribute().component(0)).isEqualTo("/a/b");
    assertThat(clauses.get(0).contextKind()).isEqualTo("user");
    assertThat(clauses.get(1).attribute().depth()).isEqualTo(2);
    assertThat(clauses.get(1).contextKind()).isEqualTo("org");
    // an empty context kind is the user kind, but the attribute is a reference all the same
    assertThat(clauses.get(2).attribute().depth()).isEqualTo(2);
    assertThat(clauses.get(2).contextKind()).isEqualTo("user");
  }

  @Test
  void bucketByIsAReferenceWithAnyContextKindAndEmptyIsInvalid() {
    Flag f = flag("""
        {"variations": [0], "rules": [
          {"clauses": [], "rollout": {"bucketBy": "/a/b", "variations": [{"variation": 0}]}},
          {"clauses": [], "rollout": {"contextKind": "", "bucketBy": "/a/b", "variations": [{"variation": 0}]}},
          {"clauses": [], "rollout": {"bucketBy": "", "variations": [{"variation": 0}]}},
          {"clauses": [], "rollout": {"variations": [{"variation": 0}]}}]}
        """);
    var rules = f.rules();
    assertThat(rules.get(0).outcome().rollout().bucketBy().depth()).isEqualTo(1);
    assertThat(rules.get(1).outcome().rollout().bucketBy().depth()).isEqualTo(2);
    assertThat(rules.get(2).outcome().rollout().bucketBy().isValid()).isFalse();
    assertThat(rules.get(3).outcome().rollout().bucketBy()).isNull();
  }

  @Test
  void hashPrefixesAreKeySaltOrSeed() {
    Flag f = flag("""
        {"key": "ignored-json-key", "salt": "s", "variations": [0, 1], "fallthrough": {"rollout":
          {"variations": [{"variation": 0, "weight": 1}]}}, "rules": [{"clauses": [], "rollout":
          {"seed": 61, "variations": [{"variation": 1, "weight": 1}]}}]}
        """);
    assertThat(new String(f.fallthrough().rollout().hashPrefix(), StandardCharsets.UTF_8))
        .isEqualTo("f.s.");
    assertThat(new String(f.rules().get(0).outcome().rollout().hashPrefix(),
        StandardCharsets.UTF_8)).isEqualTo("61.");
    Segment s = FlagParser.parseSegment("seg", AvsbValue.parse("{}"));
    assertThat(new String(s.hashPrefix(), StandardCharsets.UTF_8)).isEqualTo("seg..");
  }

  @Test
  void everyResultIsBuiltOnceWithItsReason() {
    Flag f = flag("""
        {"on": true, "variations": ["a", "b"], "offVariation": 0,
         "prerequisites": [{"key": "p", "variation": 1}],
         "rules": [{"id": "r", "clauses": [], "rollout": {"kind": "experiment", "variations": [
           {"variation": 0, "weight": 50000}, {"variation": 1, "weight": 50000, "untracked": true}]}}],
         "fallthrough": {"variation": 1}}
        """);
    assertThat(f.prerequisites().get(0).failedResult()).isEqualTo(EvaluationDetail.of(
        AvsbValue.of("a"), 0, EvaluationReason.prerequisiteFailed("p")));
    VariationOrRollout rule = f.rules().get(0).outcome();
    assertThat(rule.bucketResult(0, true).reason()).isEqualTo(EvaluationReason.ruleMatch(0, "r", true));
    assertThat(rule.bucketResult(0, false).reason()).isEqualTo(EvaluationReason.ruleMatch(0, "r", false));
    assertThat(rule.bucketResult(1, true).reason()).isEqualTo(EvaluationReason.ruleMatch(0, "r", false));
    assertThat(f.fallthrough().fixedResult()).isEqualTo(EvaluationDetail.of(AvsbValue.of("b"), 1,
        EvaluationReason.fallthrough()));
  }
}
