package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.EvaluationReason.ErrorKind;
import io.avsb.internal.log.LogCapture;
import io.avsb.internal.store.Flag;
import io.avsb.testing.AllocationMeter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

class EvaluatorTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  private static final AvsbContext USER = AvsbContext.of("user-key");

  private static EvaluationDetail<AvsbValue> eval(MapLookup data, String key, AvsbContext ctx) {
    return Evaluator.evaluate(data, data.flag(key), ctx, null);
  }

  private static String boolFlag(String extra) {
    return "{\"on\": true, \"variations\": [true, false], \"offVariation\": 1,"
        + " \"fallthrough\": {\"variation\": 0}" + (extra.isEmpty() ? "" : ", " + extra) + "}";
  }

  @Test
  void offFlagReturnsOffVariation() {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": {\"on\": false, \"variations\": [\"a\", \"b\"],"
        + " \"offVariation\": 1, \"fallthrough\": {\"variation\": 0}}}}");
    EvaluationDetail<AvsbValue> r = eval(data, "f", USER);
    assertThat(r.value()).isEqualTo(AvsbValue.of("b"));
    assertThat(r.variationIndex()).isEqualTo(1);
    assertThat(r.reason()).isEqualTo(EvaluationReason.off());
  }

  @Test
  void offFlagWithoutOffVariationGivesNoValueAndReasonOff() {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": {\"on\": false, \"variations\": [1]}}}");
    EvaluationDetail<AvsbValue> r = eval(data, "f", USER);
    assertThat(r.value()).isNull();
    assertThat(r.variationIndex()).isEqualTo(EvaluationDetail.NO_VARIATION);
    assertThat(r.reason()).isEqualTo(EvaluationReason.off());
  }

  @Test
  void missingFlagInvalidContextAndMalformedFlagAreErrors() {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": " + boolFlag("") + ","
        + " \"broken\": {\"on\": true, \"variations\": \"not an array\"}}}");
    assertThat(Evaluator.evaluate(data, null, USER, null).reason())
        .isEqualTo(EvaluationReason.error(ErrorKind.FLAG_NOT_FOUND));
    assertThat(eval(data, "f", AvsbContext.of("")).reason())
        .isEqualTo(EvaluationReason.error(ErrorKind.USER_NOT_SPECIFIED));
    assertThat(eval(data, "f", null).reason())
        .isEqualTo(EvaluationReason.error(ErrorKind.USER_NOT_SPECIFIED));
    EvaluationDetail<AvsbValue> broken = eval(data, "broken", USER);
    assertThat(broken.reason()).isEqualTo(EvaluationReason.error(ErrorKind.MALFORMED_FLAG));
    assertThat(broken.value()).isNull();
    assertThat(data.flag("broken").malformedError()).contains("variations must be an array");
  }

  @Test
  void aMalformedFlagInAPayloadLeavesTheOthersWorking() {
    MapLookup data = MapLookup.of("{\"flags\": {"
        + "\"a\": " + boolFlag("") + ","
        + "\"b\": {\"on\": true, \"rules\": [{\"clauses\": \"nope\"}]},"
        + "\"c\": {\"on\": 1},"
        + "\"d\": " + boolFlag("\"targets\": [{\"values\": [\"x\"], \"variation\": 1}]") + "}}");
    assertThat(eval(data, "a", USER).value()).isEqualTo(AvsbValue.TRUE);
    assertThat(eval(data, "b", USER).reason().errorKind()).isEqualTo(ErrorKind.MALFORMED_FLAG);
    assertThat(eval(data, "c", USER).reason().errorKind()).isEqualTo(ErrorKind.MALFORMED_FLAG);
    assertThat(eval(data, "d", AvsbContext.of("x")).reason()).isEqualTo(EvaluationReason.targetMatch());
  }

  @Test
  void resultsAreTheFlagsPrebuiltInstances() {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": " + boolFlag(
        "\"rules\": [{\"id\": \"r\", \"variation\": 1, \"clauses\": [{\"attribute\": \"key\","
            + " \"op\": \"in\", \"values\": [\"b\"]}]}]") + "}}");
    assertThat(eval(data, "f", AvsbContext.of("a"))).isSameAs(eval(data, "f", AvsbContext.of("z")));
    EvaluationDetail<AvsbValue> rule = eval(data, "f", AvsbContext.of("b"));
    assertThat(rule).isSameAs(eval(data, "f", AvsbContext.of("b")));
    assertThat(rule.reason()).isEqualTo(EvaluationReason.ruleMatch(0, "r", false));
  }

  @Test
  void listenerHearsEveryPrerequisiteWithTheFlagThatNeedsIt() {
    MapLookup data = MapLookup.of("{\"flags\": {"
        + "\"top\": " + boolFlag("\"prerequisites\": [{\"key\": \"mid\", \"variation\": 0}]") + ","
        + "\"mid\": " + boolFlag("\"prerequisites\": [{\"key\": \"leaf\", \"variation\": 0}]") + ","
        + "\"leaf\": " + boolFlag("") + "}}");
    List<String> heard = new ArrayList<>();
    EvaluationDetail<AvsbValue> r = Evaluator.evaluate(data, data.flag("top"), USER,
        (prereq, ctx, result, of) -> heard.add(prereq.key() + "<-" + of.key() + ":"
            + result.variationIndex()));
    assertThat(heard).containsExactly("leaf<-mid:0", "mid<-top:0");
    assertThat(r.reason()).isEqualTo(EvaluationReason.fallthrough());
  }

  @Test
  void firstFailedPrerequisiteGivesOffVariationWithItsKey() {
    MapLookup data = MapLookup.of("{\"flags\": {"
        + "\"top\": " + boolFlag("\"prerequisites\": [{\"key\": \"ok\", \"variation\": 0},"
            + " {\"key\": \"off\", \"variation\": 0}, {\"key\": \"missing\", \"variation\": 0}]") + ","
        + "\"ok\": " + boolFlag("") + ","
        + "\"off\": {\"on\": false, \"variations\": [true], \"offVariation\": 0}}}");
    EvaluationDetail<AvsbValue> r = eval(data, "top", USER);
    assertThat(r.reason()).isEqualTo(EvaluationReason.prerequisiteFailed("off"));
    assertThat(r.variationIndex()).isEqualTo(1);
  }

  @Test
  void malformedPrerequisiteFailsThePrerequisiteButABadClauseInItIsMalformedForAll() {
    MapLookup data = MapLookup.of("{\"flags\": {"
        + "\"a\": " + boolFlag("\"prerequisites\": [{\"key\": \"broken\", \"variation\": 0}]") + ","
        + "\"b\": " + boolFlag("\"prerequisites\": [{\"key\": \"badClause\", \"variation\": 0}]") + ","
        + "\"broken\": {\"on\": true, \"fallthrough\": {\"variation\": 7}, \"variations\": [1]},"
        + "\"badClause\": " + boolFlag("\"rules\": [{\"variation\": 0, \"clauses\": [{\"contextKind\":"
            + " \"user\", \"attribute\": \"//\", \"op\": \"in\", \"values\": [1]}]}]") + "}}");
    assertThat(eval(data, "a", USER).reason()).isEqualTo(EvaluationReason.prerequisiteFailed("broken"));
    assertThat(eval(data, "b", USER).reason().errorKind()).isEqualTo(ErrorKind.MALFORMED_FLAG);
  }

  @Test
  void selfPrerequisiteIsACycle() {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": "
        + boolFlag("\"prerequisites\": [{\"key\": \"f\", \"variation\": 0}]") + "}}");
    assertThat(eval(data, "f", USER).reason().errorKind()).isEqualTo(ErrorKind.MALFORMED_FLAG);
  }

  private static MapLookup chain(int length) {
    StringBuilder flags = new StringBuilder("{\"flags\": {");
    for (int i = 0; i < length; i++) {
      String prereq = i + 1 < length
          ? "\"prerequisites\": [{\"key\": \"f" + (i + 1) + "\", \"variation\": 0}]" : "";
      flags.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": ").append(boolFlag(prereq));
    }
    return MapLookup.of(flags.append("}}").toString());
  }

  @Test
  void longPrerequisiteChainsWorkAndTooDeepOnesAreMalformedWithoutStackOverflow() {
    assertThat(eval(chain(50), "f0", USER).reason()).isEqualTo(EvaluationReason.fallthrough());
    assertThat(eval(chain(1_000), "f0", USER).reason().errorKind())
        .isEqualTo(ErrorKind.MALFORMED_FLAG);
  }

  @Test
  void aListenerMayEvaluateAnotherFlagWithoutAFalseCycle() {
    MapLookup data = MapLookup.of("{\"flags\": {"
        + "\"a\": " + boolFlag("\"prerequisites\": [{\"key\": \"p\", \"variation\": 0}]") + ","
        + "\"b\": " + boolFlag("\"prerequisites\": [{\"key\": \"a\", \"variation\": 0}]") + ","
        + "\"p\": " + boolFlag("") + "}}");
    List<EvaluationDetail<AvsbValue>> inner = new ArrayList<>();
    EvaluationDetail<AvsbValue> outer = Evaluator.evaluate(data, data.flag("a"), USER,
        (prereq, ctx, result, of) -> inner.add(Evaluator.evaluate(data, data.flag("b"), ctx, null)));
    assertThat(outer.reason()).isEqualTo(EvaluationReason.fallthrough());
    assertThat(inner).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo(EvaluationReason.fallthrough()));
  }

  @Test
  void aThrowingListenerGivesAnExceptionResultNotAThrow() {
    MapLookup data = MapLookup.of("{\"flags\": {"
        + "\"a\": " + boolFlag("\"prerequisites\": [{\"key\": \"p\", \"variation\": 0}]") + ","
        + "\"p\": " + boolFlag("") + "}}");
    EvaluationDetail<AvsbValue> r = Evaluator.evaluate(data, data.flag("a"), USER,
        (prereq, ctx, result, of) -> {
          throw new IllegalStateException("listener bug");
        });
    assertThat(r.reason().errorKind()).isEqualTo(ErrorKind.EXCEPTION);
    assertThat(logs.events(e -> e.level() == Level.ERROR)).singleElement().satisfies(e -> {
      assertThat(e.logger()).isEqualTo("io.avsb.eval");
      assertThat(e.message()).isEqualTo("Unexpected error evaluating flag \"a\"");
      assertThat(e.throwable()).hasMessage("listener bug");
    });
    // the stack was unwound: the same flag evaluates normally afterwards
    assertThat(eval(data, "a", USER).reason()).isEqualTo(EvaluationReason.fallthrough());
  }

  @Test
  void contextTargetsCheckKindsInOrderAndUserPlaceholdersUseTargets() {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": {\"on\": true, \"variations\": [\"o\","
        + " \"fall\", \"A\", \"B\"], \"fallthrough\": {\"variation\": 1},"
        + " \"targets\": [{\"variation\": 2, \"values\": [\"k1\"]}],"
        + " \"contextTargets\": [{\"contextKind\": \"org\", \"variation\": 3, \"values\": [\"k1\"]},"
        + " {\"contextKind\": \"user\", \"variation\": 2, \"values\": [\"listed\"]}]}}}");
    AvsbContext both = AvsbContext.multi(AvsbContext.of("k1"), AvsbContext.of("org", "k1"));
    assertThat(eval(data, "f", both).value()).isEqualTo(AvsbValue.of("B"));
    assertThat(eval(data, "f", AvsbContext.of("k1")).value()).isEqualTo(AvsbValue.of("A"));
    assertThat(eval(data, "f", AvsbContext.of("org", "k2")).value()).isEqualTo(AvsbValue.of("fall"));
    // a user placeholder's own values are not its keys: the targets entry's are (as in the reference)
    assertThat(eval(data, "f", AvsbContext.of("listed")).value()).isEqualTo(AvsbValue.of("fall"));
  }

  @Test
  void userPlaceholderWithoutATargetsEntryOfItsVariationMatchesNoOne() {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": {\"on\": true, \"variations\": [\"a\","
        + " \"b\"], \"fallthrough\": {\"variation\": 0},"
        + " \"targets\": [{\"variation\": 0, \"values\": [\"k1\"]}],"
        + " \"contextTargets\": [{\"variation\": 1, \"values\": [\"k1\"]}]}}}");
    assertThat(eval(data, "f", AvsbContext.of("k1")).reason()).isEqualTo(EvaluationReason.fallthrough());
  }

  @Test
  void missingFallthroughIsAnExceptionErrorAsInTheReferenceSdks() {
    MapLookup data = MapLookup.of("{\"flags\": {\"none\": {\"on\": true, \"variations\": [1]},"
        + " \"empty\": {\"on\": true, \"variations\": [1], \"fallthrough\": {}},"
        + " \"off\": {\"on\": false, \"offVariation\": 0, \"variations\": [1]}}}");
    assertThat(eval(data, "none", USER).reason()).isEqualTo(EvaluationReason.error(ErrorKind.EXCEPTION));
    assertThat(eval(data, "empty", USER).reason())
        .isEqualTo(EvaluationReason.error(ErrorKind.MALFORMED_FLAG));
    assertThat(eval(data, "off", USER).reason()).isEqualTo(EvaluationReason.off());
  }

  @Test
  void aPrerequisiteWithoutFallthroughFailsTheWholeEvaluationWithException() {
    MapLookup data = MapLookup.of("{\"flags\": {\"top\": {\"on\": true, \"variations\": [1],"
        + " \"offVariation\": 0, \"fallthrough\": {\"variation\": 0},"
        + " \"prerequisites\": [{\"key\": \"none\", \"variation\": 0}]},"
        + " \"none\": {\"on\": true, \"variations\": [1]}}}");
    List<String> told = new ArrayList<>();
    EvaluationDetail<AvsbValue> r = Evaluator.evaluate(data, data.flag("top"), USER,
        (prereq, ctx, result, of) -> told.add(prereq.key()));
    assertThat(r.reason()).isEqualTo(EvaluationReason.error(ErrorKind.EXCEPTION));
    assertThat(r.value()).isNull();
    assertThat(told).isEmpty();
  }

  private static MapLookup rolloutFlag(String rollout) {
    return MapLookup.of("{\"flags\": {\"f\": {\"on\": true, \"variations\": [\"a\", \"b\", \"c\"],"
        + " \"fallthrough\": {\"rollout\": " + rollout + "}}}}");
  }

  @Test
  void contextWithoutTheRolloutKindTakesTheFirstBucketEvenAtWeightZeroOutsideTheExperiment() {
    MapLookup data = rolloutFlag("{\"kind\": \"experiment\", \"contextKind\": \"org\","
        + " \"variations\": [{\"variation\": 2, \"weight\": 0}, {\"variation\": 0, \"weight\": 50000},"
        + " {\"variation\": 1, \"weight\": 50000}]}");
    EvaluationDetail<AvsbValue> r = eval(data, "f", USER);
    assertThat(r.variationIndex()).isEqualTo(2);
    assertThat(r.reason()).isEqualTo(EvaluationReason.fallthrough(false));
  }

  @Test
  void firstBucketOutOfRangeForAContextWithoutTheKindIsMalformed() {
    MapLookup data = rolloutFlag("{\"contextKind\": \"org\", \"variations\": [{\"variation\": 7,"
        + " \"weight\": 0}, {\"variation\": 0, \"weight\": 100000}]}");
    assertThat(eval(data, "f", USER).reason()).isEqualTo(EvaluationReason.error(ErrorKind.MALFORMED_FLAG));
  }

  @Test
  void aBucketWithANegativeVariationSendsTheContextToTheLastBucket() {
    MapLookup data = rolloutFlag("{\"kind\": \"experiment\", \"variations\": [{\"variation\": -1,"
        + " \"weight\": 100000}, {\"variation\": 1, \"weight\": 0}]}");
    EvaluationDetail<AvsbValue> r = eval(data, "f", USER);
    assertThat(r.variationIndex()).isEqualTo(1);
    assertThat(r.reason()).isEqualTo(EvaluationReason.fallthrough(true));
  }

  @Test
  void pastTheLastBucketAContextWithoutTheKindIsStillInTheExperiment() {
    // every bucket ends below -1, so even bucket -1 is past them all: the last bucket, tracked
    MapLookup data = rolloutFlag("{\"kind\": \"experiment\", \"contextKind\": \"org\","
        + " \"variations\": [{\"variation\": 0, \"weight\": -200000}, {\"variation\": 1, \"weight\": 0}]}");
    EvaluationDetail<AvsbValue> r = eval(data, "f", USER);
    assertThat(r.variationIndex()).isEqualTo(1);
    assertThat(r.reason()).isEqualTo(EvaluationReason.fallthrough(true));
  }

  @Test
  void invalidBucketByBucketsAsZeroExceptInExperimentsWhichBucketByKey() {
    // bucket 0 is in the first bucket (1/100,000); the key's hash is in the second
    String rollout = "\"fallthrough\": {\"rollout\": {%s \"contextKind\": \"user\", \"bucketBy\":"
        + " \"%s\", \"variations\": [{\"variation\": 0, \"weight\": 1}, {\"variation\": 1,"
        + " \"weight\": 99999}]}}";
    for (String invalid : new String[] {"/a~", "/", "/a//b", "/a~2b", ""}) {
      MapLookup data = MapLookup.of("{\"flags\": {"
          + "\"plain\": {\"on\": true, \"variations\": [1, 2], " + rollout.formatted("", invalid) + "},"
          + "\"exp\": {\"on\": true, \"variations\": [1, 2], "
          + rollout.formatted("\"kind\": \"experiment\",", invalid) + "}}}");
      EvaluationDetail<AvsbValue> plain = eval(data, "plain", USER);
      assertThat(plain.variationIndex()).as(invalid).isEqualTo(0);
      assertThat(plain.reason()).as(invalid).isEqualTo(EvaluationReason.fallthrough());
      EvaluationDetail<AvsbValue> exp = eval(data, "exp", USER);
      assertThat(exp.variationIndex()).as(invalid).isEqualTo(1);
      assertThat(exp.reason()).as(invalid).isEqualTo(EvaluationReason.fallthrough(true));
    }
  }

  @Test
  void evaluationAllocatesNothingOnceWarm() {
    AllocationMeter meter = AllocationMeter.forCurrentThread();
    MapLookup data = MapLookup.of("{\"flags\": {"
        + "\"f\": {\"on\": true, \"salt\": \"s\", \"variations\": [\"a\", \"b\", \"c\"],"
        + " \"prerequisites\": [{\"key\": \"p\", \"variation\": 0}],"
        + " \"targets\": [{\"variation\": 2, \"values\": [\"vip\"]}],"
        + " \"rules\": [{\"id\": \"r\", \"clauses\": ["
        + "   {\"attribute\": \"plan\", \"op\": \"in\", \"values\": [\"pro\", \"team\"]},"
        + "   {\"attribute\": \"version\", \"op\": \"semVerGreaterThan\", \"values\": [\"1.2.0\"]},"
        + "   {\"attribute\": \"since\", \"op\": \"before\", \"values\": [\"2030-01-01T00:00:00Z\"]},"
        + "   {\"attribute\": \"\", \"op\": \"segmentMatch\", \"values\": [\"seg\"]}],"
        + "   \"rollout\": {\"kind\": \"experiment\", \"variations\": [{\"variation\": 0, \"weight\": 50000},"
        + "   {\"variation\": 1, \"weight\": 50000}]}}],"
        + " \"fallthrough\": {\"variation\": 2}},"
        + "\"p\": " + boolFlag("") + "},"
        + "\"segments\": {\"seg\": {\"salt\": \"x\", \"rules\": [{\"weight\": 90000, \"clauses\": ["
        + "   {\"attribute\": \"plan\", \"op\": \"startsWith\", \"values\": [\"p\"]}]}]}}}");
    Flag flag = data.flag("f");
    AvsbContext[] contexts = new AvsbContext[64];
    // the date and version parsers' longer paths too: zone IDs in brackets, odd prereleases
    String[] since = {"2024-05-01T10:00:00.123Z", "2024-05-01T10:00+02:00[Europe/Paris]",
        "2024-05-01t10:00z[UTC+01:00]"};
    String[] versions = {"1.3.0-rc.1", "1.3.0-rc..01", "1.2.0-2147483648.-1"};
    for (int i = 0; i < contexts.length; i++) {
      contexts[i] = AvsbContext.builder("user-" + i).set("plan", "pro")
          .set("version", versions[i % 3]).set("since", since[i % 3]).build();
    }
    PrerequisiteListener listener = (prereq, ctx, result, of) -> { };
    for (int i = 0; i < 20_000; i++) {
      Evaluator.evaluate(data, flag, contexts[i & 63], listener);
    }
    long before = meter.allocatedBytes();
    int inExperiment = 0;
    for (int i = 0; i < 10_000; i++) {
      if (Evaluator.evaluate(data, flag, contexts[i & 63], listener).reason().inExperiment()) {
        inExperiment++;
      }
    }
    long allocated = meter.allocatedBytes() - before;
    assertThat(inExperiment).isPositive();
    // a single allocation per evaluation would be at least 160,000 bytes here
    assertThat(allocated).isLessThan(10_000);
  }
}
