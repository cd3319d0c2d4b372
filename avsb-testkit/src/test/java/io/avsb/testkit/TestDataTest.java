package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.internal.datasource.RecordingUpdates;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestDataTest {
  private final TestData td = TestData.create();

  /** Parses JSON written with single quotes, to keep expected values readable. */
  private static AvsbValue json(String singleQuoted) {
    return AvsbValue.parse(singleQuoted.replace('\'', '"'));
  }

  private DataSource started(RecordingUpdates updates) {
    DataSource source = td.create(null, updates);
    assertThat(source.start().toCompletableFuture().join()).isTrue();
    return source;
  }

  @Test
  void newFlagIsOnBooleanFlagGivingTrueToEveryone() {
    td.update(td.flag("f"));

    assertThat(td.flagJson("f")).isEqualTo(json("{'key':'f','version':1,'on':true,"
        + "'prerequisites':[],'salt':'f','targets':[],'contextTargets':[],'rules':[],"
        + "'fallthrough':{'variation':0},'offVariation':1,'variations':[true,false],"
        + "'clientSideAvailability':{'usingEnvironmentId':true,'usingMobileKey':true},"
        + "'trackEvents':false,'trackEventsFallthrough':false,'deleted':false}"));
  }

  @Test
  void seedExampleTargetsUserAndFallsThroughToFalse() {
    td.update(td.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
        .fallthroughVariation(false));

    AvsbValue flag = td.flagJson("checkout-v2");
    assertThat(flag.get("targets")).isEqualTo(json("[{'variation':0,'values':['u_power']}]"));
    assertThat(flag.get("contextTargets")).isEqualTo(json("[]"));
    assertThat(flag.get("fallthrough")).isEqualTo(json("{'variation':1}"));
    assertThat(flag.get("variations")).isEqualTo(json("[true,false]"));
  }

  @Test
  void targetsOfOtherKindsGoToContextTargetsWithUserPlaceholder() {
    td.update(td.flag("f").variationForUser("u1", true).variationForKey("org", "o1", false)
        .variationForKey("org", "o2", true).variationForUser("u2", false));

    AvsbValue flag = td.flagJson("f");
    assertThat(flag.get("targets")).isEqualTo(json(
        "[{'variation':0,'values':['u1']},{'variation':1,'values':['u2']}]"));
    assertThat(flag.get("contextTargets")).isEqualTo(json("["
        + "{'contextKind':'user','variation':0,'values':[]},"
        + "{'contextKind':'user','variation':1,'values':[]},"
        + "{'contextKind':'org','variation':0,'values':['o2']},"
        + "{'contextKind':'org','variation':1,'values':['o1']}]"));
  }

  @Test
  void retargetingAKeyMovesItToTheNewVariation() {
    td.update(td.flag("f").variationForUser("u1", true).variationForUser("u1", false));

    assertThat(td.flagJson("f").get("targets")).isEqualTo(json("[{'variation':1,'values':['u1']}]"));
  }

  @Test
  void rulesBecomeClausesWithIdsInOrder() {
    td.update(td.flag("f")
        .ifMatch("plan", "pro", "enterprise").andNotMatch("country", "fr").thenReturn(true)
        .ifMatchContext("org", "tier", 3).andInSegment("beta").id("org-rule").trackEvents(true)
        .thenReturn(1)
        .ifNotMatchContext("device", "/os/name", "ios").thenReturn(0));

    AvsbValue rules = td.flagJson("f").get("rules");
    assertThat(rules).isEqualTo(json("["
        + "{'id':'rule0','clauses':["
        + "{'contextKind':'user','attribute':'plan','op':'in','values':['pro','enterprise'],'negate':false},"
        + "{'contextKind':'user','attribute':'country','op':'in','values':['fr'],'negate':true}],"
        + "'variation':0,'trackEvents':false},"
        + "{'id':'org-rule','clauses':["
        + "{'contextKind':'org','attribute':'tier','op':'in','values':[3],'negate':false},"
        + "{'attribute':'','op':'segmentMatch','values':['beta'],'negate':false}],"
        + "'variation':1,'trackEvents':true},"
        + "{'id':'rule2','clauses':["
        + "{'contextKind':'device','attribute':'/os/name','op':'in','values':['ios'],'negate':true}],"
        + "'variation':0,'trackEvents':false}]"));
  }

  @Test
  void clauseOfTakesAnyModelOperatorAndRejectsOthers() {
    td.update(td.flag("f").ifClause(Clause.of("user", "email", "endsWith", "@example.com"))
        .thenReturn(false));

    assertThat(td.flagJson("f").get("rules").get(0).get("clauses").get(0).get("op").stringValue())
        .isEqualTo("endsWith");
    assertThatThrownBy(() -> Clause.of("user", "email", "like", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("op must be one of");
  }

  @Test
  void fallthroughPercentagesBecomeARollout() {
    td.update(td.flag("f").fallthroughPercentages(50_000, 50_000));

    assertThat(td.flagJson("f").get("fallthrough")).isEqualTo(json("{'rollout':{'variations':["
        + "{'variation':0,'weight':50000},{'variation':1,'weight':50000}]}}"));
  }

  @Test
  void rolloutCarriesBucketByContextKindSeedAndExperiment() {
    Rollout rollout = Rollout.of(WeightedVariation.untracked(0, 10_000), WeightedVariation.of(1, 90_000))
        .withBucketBy("/address/city").withContextKind("org").withSeed(61).asExperiment();
    td.update(td.flag("f").variations("a", "b").rolloutForAll(rollout));

    assertThat(td.flagJson("f").get("fallthrough").get("rollout")).isEqualTo(json(
        "{'kind':'experiment','variations':[{'variation':0,'weight':10000,'untracked':true},"
            + "{'variation':1,'weight':90000}],'bucketBy':'/address/city','contextKind':'org',"
            + "'seed':61}"));
  }

  @Test
  void ruleRolloutReplacesTheRuleVariation() {
    td.update(td.flag("f").ifMatch("plan", "pro").thenPercentages(25_000, 75_000));

    AvsbValue rule = td.flagJson("f").get("rules").get(0);
    assertThat(rule.get("rollout")).isEqualTo(json(
        "{'variations':[{'variation':0,'weight':25000},{'variation':1,'weight':75000}]}"));
    assertThat(rule.get("variation").isNull()).isTrue();
  }

  @Test
  void weightedVariationsMakeRolloutsDirectly() {
    td.update(td.flag("f").fallthroughRollout(WeightedVariation.of(1, 100_000))
        .ifMatch("a", "b").thenRollout(WeightedVariation.of(0, 60_000), WeightedVariation.of(1, 40_000)));

    AvsbValue flag = td.flagJson("f");
    assertThat(flag.get("fallthrough")).isEqualTo(json(
        "{'rollout':{'variations':[{'variation':1,'weight':100000}]}}"));
    assertThat(flag.get("rules").get(0).get("rollout")).isEqualTo(json(
        "{'variations':[{'variation':0,'weight':60000},{'variation':1,'weight':40000}]}"));
  }

  @Test
  void valueForAllClearsTargetsAndRules() {
    td.update(td.flag("theme").variationForUser("u1", true).ifMatch("plan", "pro").thenReturn(false)
        .valueForAll("dark"));

    AvsbValue flag = td.flagJson("theme");
    assertThat(flag.get("variations")).isEqualTo(json("['dark']"));
    assertThat(flag.get("fallthrough")).isEqualTo(json("{'variation':0}"));
    assertThat(flag.get("targets")).isEqualTo(json("[]"));
    assertThat(flag.get("rules")).isEqualTo(json("[]"));
    assertThat(flag.get("on").booleanValue()).isTrue();
  }

  @Test
  void valueMethodsReuseOrAppendVariations() {
    td.update(td.flag("f").variations("a", "b").fallthroughVariation(AvsbValue.of("b"))
        .offVariation(AvsbValue.of("c")).variationForUser("u1", AvsbValue.of("a")));

    AvsbValue flag = td.flagJson("f");
    assertThat(flag.get("variations")).isEqualTo(json("['a','b','c']"));
    assertThat(flag.get("fallthrough")).isEqualTo(json("{'variation':1}"));
    assertThat(flag.get("offVariation").intValue()).isEqualTo(2);
    assertThat(flag.get("targets")).isEqualTo(json("[{'variation':0,'values':['u1']}]"));
  }

  @Test
  void offFlagWithoutOffVariationOmitsIt() {
    td.update(td.flag("f").on(false).noOffVariation());

    assertThat(td.flagJson("f").get("on").booleanValue()).isFalse();
    assertThat(td.flagJson("f").get("offVariation").isNull()).isTrue();
  }

  @Test
  void prerequisitesSaltAndTrackingAreWritten() {
    td.update(td.flag("f").prerequisite("base", 0).salt("s1").trackEvents(true)
        .trackEventsFallthrough(true).clientSide(false));

    AvsbValue flag = td.flagJson("f");
    assertThat(flag.get("prerequisites")).isEqualTo(json("[{'key':'base','variation':0}]"));
    assertThat(flag.get("salt").stringValue()).isEqualTo("s1");
    assertThat(flag.get("trackEvents").booleanValue()).isTrue();
    assertThat(flag.get("trackEventsFallthrough").booleanValue()).isTrue();
    assertThat(flag.get("clientSideAvailability").get("usingEnvironmentId").booleanValue()).isFalse();
  }

  @Test
  void eachUpdateBumpsTheVersionAndDeleteContinuesTheSequence() {
    td.update(td.flag("f"));
    td.update(td.flag("f").on(false));
    assertThat(td.flagJson("f").get("version").intValue()).isEqualTo(2);

    td.delete("f");
    assertThat(td.flagJson("f")).isNull();

    td.update(td.flag("f"));
    assertThat(td.flagJson("f").get("version").intValue()).isEqualTo(4);
  }

  @Test
  void flagOnExistingKeyStartsFromItsStateAndBuildersAreCopied() {
    FlagBuilder builder = td.flag("f").variationForUser("u1", false);
    td.update(builder);
    builder.variationForUser("u2", false);

    assertThat(td.flagJson("f").get("targets")).isEqualTo(json("[{'variation':1,'values':['u1']}]"));
    td.update(td.flag("f").on(false));
    assertThat(td.flagJson("f").get("targets")).isEqualTo(json("[{'variation':1,'values':['u1']}]"));
    assertThat(td.flagJson("f").get("on").booleanValue()).isFalse();
  }

  @Test
  void copyIsIndependent() {
    FlagBuilder original = td.flag("f").variationForUser("u1", true);
    FlagBuilder copy = original.copy().clearTargets().ifMatch("a", "b").thenReturn(1);

    assertThat(original.toJson(1).get("targets").size()).isEqualTo(1);
    assertThat(original.toJson(1).get("rules").size()).isZero();
    assertThat(copy.toJson(1).get("targets").size()).isZero();
  }

  @Test
  void startedSourceGetsFullDataSetAndIsValid() {
    td.update(td.flag("a"));
    td.updateSegment(td.segment("s").included("u1"));
    RecordingUpdates updates = new RecordingUpdates();
    DataSource source = td.create(null, updates);

    CompletableFuture<Boolean> started = source.start().toCompletableFuture();

    assertThat(started).isCompletedWithValue(true);
    assertThat(source.isInitialized()).isTrue();
    assertThat(updates.calls()).hasSize(1);
    assertThat(updates.calls().get(0).value()).isEqualTo(td.allData());
    assertThat(updates.item(DataKind.FLAGS, "a")).isEqualTo(td.flagJson("a"));
    assertThat(updates.item(DataKind.SEGMENTS, "s")).isEqualTo(td.segmentJson("s"));
    assertThat(updates.states()).containsExactly(DataSourceStatus.State.VALID);
  }

  @Test
  void updatesReachEveryRunningSource() {
    RecordingUpdates first = new RecordingUpdates();
    RecordingUpdates second = new RecordingUpdates();
    started(first);
    started(second);

    td.update(td.flag("f").variationForUser("u1", false));

    for (RecordingUpdates updates : List.of(first, second)) {
      assertThat(updates.calls()).last().satisfies(call -> {
        assertThat(call.op()).isEqualTo("upsert");
        assertThat(call.kind()).isEqualTo(DataKind.FLAGS);
        assertThat(call.key()).isEqualTo("f");
        assertThat(call.value()).isEqualTo(td.flagJson("f"));
      });
    }
    assertThat(td.runningSourceCount()).isEqualTo(2);
  }

  @Test
  void deleteSendsTombstoneVersionToRunningSources() {
    td.update(td.flag("f"));
    RecordingUpdates updates = new RecordingUpdates();
    started(updates);

    td.delete("f");

    assertThat(updates.calls()).last().isEqualTo(
        new RecordingUpdates.Call("delete", DataKind.FLAGS, "f", null, 2));
    assertThat(updates.item(DataKind.FLAGS, "f")).isNull();
    assertThat(td.allData().get("flags").size()).isZero();
  }

  @Test
  void closedSourceReceivesNothing() {
    RecordingUpdates updates = new RecordingUpdates();
    DataSource source = started(updates);

    source.close();
    td.update(td.flag("f"));
    td.delete("f");
    td.updateSegment(td.segment("s"));

    assertThat(updates.calls()).extracting(RecordingUpdates.Call::op).containsExactly("init");
    assertThat(updates.states()).containsExactly(DataSourceStatus.State.VALID, DataSourceStatus.State.OFF);
    assertThat(td.runningSourceCount()).isZero();
    assertThat(source.start().toCompletableFuture().join()).isTrue();
  }

  @Test
  void sourceClosedBeforeStartNeverRegisters() {
    RecordingUpdates updates = new RecordingUpdates();
    DataSource source = td.create(null, updates);
    source.close();

    assertThat(source.start().toCompletableFuture().join()).isFalse();
    assertThat(source.isInitialized()).isFalse();
    assertThat(updates.calls()).isEmpty();
    assertThat(td.runningSourceCount()).isZero();
  }

  @Test
  void sourceWhoseInitialDataIsRejectedFailsToStartAndReceivesNothing() {
    List<String> received = new ArrayList<>();
    DataSourceUpdates rejecting = new DataSourceUpdates() {
      @Override
      public boolean init(AvsbValue allData) {
        throw new IllegalStateException("store broken");
      }

      @Override
      public boolean upsert(DataKind kind, String key, AvsbValue item) {
        received.add("upsert " + key);
        return true;
      }

      @Override
      public boolean delete(DataKind kind, String key, int version) {
        received.add("delete " + key);
        return true;
      }

      @Override
      public void updateStatus(DataSourceStatus.State state, DataSourceStatus.ErrorInfo error) {
        received.add("status " + state);
      }
    };
    DataSource source = td.create(null, rejecting);

    assertThat(source.start().toCompletableFuture().join()).isFalse();
    td.update(td.flag("f"));
    td.delete("f");

    assertThat(source.isInitialized()).isFalse();
    assertThat(received).isEmpty();
    assertThat(td.runningSourceCount()).isZero();
  }

  @Test
  void segmentJsonHoldsIncludedExcludedAndRules() {
    td.updateSegment(td.segment("beta").included("u1", "u2").excluded("u3")
        .includedContexts("org", "o1").excludedContexts("org", "o2")
        .rule(Clause.matches("plan", "pro"), Clause.matchesContext("org", "tier", 2).negated()));

    assertThat(td.segmentJson("beta")).isEqualTo(json("{'key':'beta','version':1,"
        + "'included':['u1','u2'],'excluded':['u3'],"
        + "'includedContexts':[{'contextKind':'org','values':['o1']}],"
        + "'excludedContexts':[{'contextKind':'org','values':['o2']}],"
        + "'rules':[{'id':'rule0','clauses':["
        + "{'contextKind':'user','attribute':'plan','op':'in','values':['pro'],'negate':false},"
        + "{'contextKind':'org','attribute':'tier','op':'in','values':[2],'negate':true}]}],"
        + "'salt':'beta','deleted':false}"));
  }

  @Test
  void includingAKeyRemovesItsExclusion() {
    td.updateSegment(td.segment("s").excluded("u1").included("u1"));

    assertThat(td.segmentJson("s").get("included")).isEqualTo(json("['u1']"));
    assertThat(td.segmentJson("s").get("excluded")).isEqualTo(json("[]"));
  }

  @Test
  void segmentUpdatesAndDeletesReachRunningSources() {
    RecordingUpdates updates = new RecordingUpdates();
    started(updates);

    td.updateSegment(td.segment("s").included("u1"));
    td.updateSegment(td.segment("s").included("u2"));
    assertThat(updates.item(DataKind.SEGMENTS, "s").get("included")).isEqualTo(json("['u1','u2']"));

    td.deleteSegment("s");
    assertThat(updates.calls()).last().isEqualTo(
        new RecordingUpdates.Call("delete", DataKind.SEGMENTS, "s", null, 3));
  }

  @Test
  void preconfiguredFlagKeepsItsJsonWithAHigherVersion() {
    td.update(td.flag("raw"));
    td.update(td.flag("raw"));
    td.usePreconfiguredFlag(json("{'key':'raw','version':1,'on':true,'variations':['x'],"
        + "'fallthrough':{'variation':7}}"));

    assertThat(td.flagJson("raw")).isEqualTo(json("{'key':'raw','version':3,'on':true,"
        + "'variations':['x'],'fallthrough':{'variation':7}}"));
    td.usePreconfiguredFlag(json("{'key':'raw','version':40}"));
    assertThat(td.flagJson("raw").get("version").intValue()).isEqualTo(40);
    assertThat(td.flag("raw").toJson(1).get("variations")).isEqualTo(json("[true,false]"));
  }

  @Test
  void preconfiguredFlagWithoutKeyIsRejected() {
    assertThatThrownBy(() -> td.usePreconfiguredFlag(json("{'version':1}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flagJson");
    assertThatThrownBy(() -> td.usePreconfiguredFlag(json("[]")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flagJson");
  }

  @Test
  void badBuilderArgumentsAreRejectedNamingTheArgument() {
    assertThatThrownBy(() -> td.flag(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> td.flag("f").fallthroughVariation(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variation");
    assertThatThrownBy(() -> Rollout.percentages())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variations");
    assertThatThrownBy(() -> WeightedVariation.of(0, 100_001))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
    assertThatThrownBy(() -> td.flag("f").variationForKey("", "k", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
  }

  @Test
  void concurrentUpdatesAndStartsLeaveEverySourceWithTheLatestData() throws Exception {
    int writers = 4;
    int updatesPerWriter = 200;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    CountDownLatch go = new CountDownLatch(1);
    List<RecordingUpdates> sources = new ArrayList<>();
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String key = "flag" + w;
        tasks.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < updatesPerWriter; i++) {
            td.update(td.flag(key).variationForUser("u" + i, i % 2 == 0));
          }
          return null;
        }));
      }
      tasks.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < 20; i++) {
          RecordingUpdates updates = new RecordingUpdates();
          synchronized (sources) {
            sources.add(updates);
          }
          td.create(null, updates).start();
        }
        return null;
      }));
      go.countDown();
      for (Future<?> task : tasks) {
        task.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    AvsbValue expected = td.allData().get("flags");
    assertThat(expected.size()).isEqualTo(writers);
    assertThat(expected.get("flag0").get("version").intValue()).isEqualTo(updatesPerWriter);
    for (RecordingUpdates updates : sources) {
      assertThat(updates.section(DataKind.FLAGS)).isEqualTo(expected);
      for (int w = 0; w < writers; w++) {
        String key = "flag" + w;
        List<Integer> versions = updates.calls().stream()
            .filter(c -> c.op().equals("upsert") && c.key().equals(key))
            .map(RecordingUpdates.Call::version).toList();
        assertThat(versions).as("versions of %s in the order sent", key).isSorted()
            .doesNotHaveDuplicates();
      }
    }
  }
}
