package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.ScopedAvsb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TestData's flags evaluated by a real server and the real evaluator. */
class TestDataEvaluationTest {
  private final TestData td = TestData.create();
  private final List<AvsbServer> servers = new ArrayList<>();

  private AvsbServer server(TestData data) {
    AvsbServer server = AvsbServer.builder(null).dataSource(data).eventsEnabled(false).buildServer();
    servers.add(server);
    assertThat(server.isReady()).isTrue();
    return server;
  }

  private ScopedAvsb user(String key) {
    return server(td).forUser(AvsbContext.of(key));
  }

  @AfterEach
  void closeServers() {
    servers.forEach(AvsbServer::close);
  }

  @Test
  void variationForUserTargetsOnlyThatUser() {
    td.update(td.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
        .fallthroughVariation(false));
    AvsbServer server = server(td);

    EvaluationDetail<Boolean> power = server.forUser(Map.of("key", "u_power"))
        .getBoolFlagDetail("checkout-v2", false);
    EvaluationDetail<Boolean> other = server.forUser(Map.of("key", "u_other"))
        .getBoolFlagDetail("checkout-v2", true);

    assertThat(power).isEqualTo(EvaluationDetail.of(true, 0, EvaluationReason.targetMatch()));
    assertThat(other).isEqualTo(EvaluationDetail.of(false, 1, EvaluationReason.fallthrough()));
  }

  @Test
  void contextTargetsOfOtherKindsMatchInMultiContexts() {
    td.update(td.flag("f").variationForKey("org", "acme", false).fallthroughVariation(true));
    AvsbServer server = server(td);
    AvsbContext acmeUser = AvsbContext.multi(AvsbContext.of("u1"), AvsbContext.of("org", "acme"));
    AvsbContext otherUser = AvsbContext.multi(AvsbContext.of("u1"), AvsbContext.of("org", "other"));

    assertThat(server.forUser(acmeUser).getBoolFlagDetail("f", true))
        .isEqualTo(EvaluationDetail.of(false, 1, EvaluationReason.targetMatch()));
    assertThat(server.forUser(otherUser).getBoolFlag("f", false)).isTrue();
  }

  @Test
  void rulesMatchOnAttributesInOrder() {
    td.update(td.flag("discount").variations("none", "ten", "twenty").fallthroughVariation(0)
        .ifMatch("plan", "pro").andNotMatch("country", "fr").thenReturn(1)
        .ifMatch("plan", "pro", "enterprise").id("big").thenReturn(2));
    AvsbServer server = server(td);

    assertThat(server.forUser(Map.of("kind", "user", "key", "a", "plan", "pro", "country", "de"))
        .getStringFlagDetail("discount", "?"))
        .isEqualTo(EvaluationDetail.of("ten", 1, EvaluationReason.ruleMatch(0, "rule0", false)));
    assertThat(server.forUser(Map.of("kind", "user", "key", "b", "plan", "pro", "country", "fr"))
        .getStringFlagDetail("discount", "?"))
        .isEqualTo(EvaluationDetail.of("twenty", 2, EvaluationReason.ruleMatch(1, "big", false)));
    assertThat(server.forUser(Map.of("kind", "user", "key", "c", "plan", "free"))
        .getStringFlagDetail("discount", "?"))
        .isEqualTo(EvaluationDetail.of("none", 0, EvaluationReason.fallthrough()));
  }

  @Test
  void contextRuleReadsTheNamedKind() {
    td.update(td.flag("f").ifMatchContext("org", "tier", 3).thenReturn(false));
    AvsbServer server = server(td);
    AvsbContext org = AvsbContext.builder("org", "acme").set("tier", AvsbValue.of(3)).build();
    AvsbContext user = AvsbContext.builder("u1").set("tier", AvsbValue.of(3)).build();

    assertThat(server.forUser(AvsbContext.multi(user, org)).getBoolFlag("f", true)).isFalse();
    assertThat(server.forUser(user).getBoolFlag("f", false)).isTrue();
  }

  @Test
  void segmentRuleMatchesIncludedUsers() {
    td.updateSegment(td.segment("beta").included("u1").rule(Clause.matches("email", "b@x.io")));
    td.update(td.flag("f").ifInSegment("beta").thenReturn(true).fallthroughVariation(false));
    AvsbServer server = server(td);

    assertThat(server.forUser(AvsbContext.of("u1")).getBoolFlag("f", false)).isTrue();
    assertThat(server.forUser(Map.of("key", "u2", "email", "b@x.io")).getBoolFlag("f", false))
        .isTrue();
    assertThat(server.forUser(AvsbContext.of("u3")).getBoolFlag("f", true)).isFalse();
  }

  @Test
  void valueForAllServesThatValueToEveryone() {
    td.update(td.flag("theme").valueForAll("dark"));
    td.update(td.flag("limits").valueForAll(Map.of("max", 3)));

    assertThat(user("anyone").getStringFlagDetail("theme", "light"))
        .isEqualTo(EvaluationDetail.of("dark", 0, EvaluationReason.fallthrough()));
    assertThat(user("anyone").getJsonFlag("limits", AvsbValue.NULL).get("max").intValue())
        .isEqualTo(3);
  }

  @Test
  void offFlagServesOffVariation() {
    td.update(td.flag("f").variationForUser("u1", true).on(false));

    assertThat(user("u1").getBoolFlagDetail("f", true))
        .isEqualTo(EvaluationDetail.of(false, 1, EvaluationReason.off()));
  }

  @Test
  void failedPrerequisiteServesOffVariation() {
    td.update(td.flag("base").variationForAll(false));
    td.update(td.flag("f").prerequisite("base", 0));

    assertThat(user("u1").getBoolFlagDetail("f", true))
        .isEqualTo(EvaluationDetail.of(false, 1, EvaluationReason.prerequisiteFailed("base")));
  }

  @Test
  void fiftyFiftyRolloutSplitsTenThousandKeysWithinTwoPercent() {
    td.update(td.flag("split").variations("a", "b").fallthroughPercentages(50_000, 50_000));
    AvsbServer server = server(td);

    int a = 0;
    for (int i = 0; i < 10_000; i++) {
      if ("a".equals(server.forUser(AvsbContext.of("user-" + i)).getStringFlag("split", "?"))) {
        a++;
      }
    }

    assertThat(a).isBetween(4_800, 5_200);
  }

  @Test
  void rolloutBucketsMatchTheSameFlagWrittenByHand() {
    td.update(td.flag("exp").variations("control", "treatment", "holdout").salt("s-1")
        .ifMatch("plan", "pro").thenRollout(Rollout.of(WeightedVariation.of(0, 45_000),
            WeightedVariation.of(1, 45_000), WeightedVariation.untracked(2, 10_000)).asExperiment())
        .fallthroughRollout(Rollout.percentages(30_000, 70_000).withBucketBy("team")));
    TestData handWritten = TestData.create().usePreconfiguredFlag(AvsbValue.parse("""
        {"key": "exp", "version": 1, "on": true, "salt": "s-1",
         "variations": ["control", "treatment", "holdout"],
         "rules": [{"id": "rule0", "clauses": [{"attribute": "plan", "op": "in", "values": ["pro"]}],
           "rollout": {"kind": "experiment", "variations": [{"variation": 0, "weight": 45000},
             {"variation": 1, "weight": 45000}, {"variation": 2, "weight": 10000, "untracked": true}]}}],
         "fallthrough": {"rollout": {"bucketBy": "team",
           "variations": [{"variation": 0, "weight": 30000}, {"variation": 1, "weight": 70000}]}}}
        """));
    AvsbServer built = server(td);
    AvsbServer reference = server(handWritten);

    int inExperiment = 0;
    for (int i = 0; i < 500; i++) {
      Map<String, Object> context = Map.of("kind", "user", "key", "k" + i, "plan", i % 2 == 0 ? "pro" : "free",
          "team", "team-" + (i % 37));
      EvaluationDetail<String> got = built.forUser(context).getStringFlagDetail("exp", "?");
      EvaluationDetail<String> want = reference.forUser(context).getStringFlagDetail("exp", "?");
      assertThat(got).as("context %s", context).isEqualTo(want);
      inExperiment += got.reason().inExperiment() ? 1 : 0;
    }
    assertThat(inExperiment).isPositive();
  }

  @Test
  void rolloutWithSeedBucketsTheSameWhateverTheFlagKey() {
    Rollout seeded = Rollout.percentages(50_000, 50_000).withSeed(12345);
    td.update(td.flag("one").rolloutForAll(seeded));
    td.update(td.flag("two").rolloutForAll(seeded));
    td.update(td.flag("unseeded-one").rolloutForAll(Rollout.percentages(50_000, 50_000)));
    td.update(td.flag("unseeded-two").rolloutForAll(Rollout.percentages(50_000, 50_000)));
    AvsbServer server = server(td);

    int unseededDifferences = 0;
    for (int i = 0; i < 200; i++) {
      ScopedAvsb avsb = server.forUser(AvsbContext.of("key-" + i));
      assertThat(avsb.getBoolFlag("one", false)).isEqualTo(avsb.getBoolFlag("two", true));
      if (avsb.getBoolFlag("unseeded-one", false) != avsb.getBoolFlag("unseeded-two", false)) {
        unseededDifferences++;
      }
    }
    assertThat(unseededDifferences).isPositive();
  }

  @Test
  void updatesAreSeenAtOnceByEveryRunningServer() {
    td.update(td.flag("f").variationForAll(false));
    ScopedAvsb first = server(td).forUser(AvsbContext.of("u1"));
    ScopedAvsb second = server(td).forUser(AvsbContext.of("u1"));
    assertThat(first.getBoolFlag("f", true)).isFalse();

    td.update(td.flag("f").variationForAll(true));

    assertThat(first.getBoolFlag("f", false)).isTrue();
    assertThat(second.getBoolFlag("f", false)).isTrue();
  }

  @Test
  void deletedFlagIsNotFound() {
    td.update(td.flag("f"));
    ScopedAvsb avsb = user("u1");
    assertThat(avsb.getBoolFlag("f", false)).isTrue();

    td.delete("f");

    assertThat(avsb.getBoolFlagDetail("f", false)).isEqualTo(
        EvaluationDetail.error(EvaluationReason.ErrorKind.FLAG_NOT_FOUND, false));
  }

  @Test
  void closedServerStopsReceivingAndLeavesTheLiveSet() {
    AvsbServer server = server(td);
    assertThat(td.runningSourceCount()).isEqualTo(1);

    server.close();

    assertThat(td.runningSourceCount()).isZero();
  }

  @Test
  void outOfRangeVariationIsMalformed() {
    td.update(td.flag("f").fallthroughVariation(5));

    assertThat(user("u1").getBoolFlagDetail("f", true)).isEqualTo(
        EvaluationDetail.error(EvaluationReason.ErrorKind.MALFORMED_FLAG, true));
  }
}
