package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.EvaluationReason.ErrorKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SegmentMatcherTest {
  private static String flagUsing(String... segments) {
    return "{\"on\": true, \"variations\": [true, false], \"fallthrough\": {\"variation\": 1},"
        + " \"rules\": [{\"id\": \"r\", \"variation\": 0, \"clauses\": [{\"attribute\": \"\","
        + " \"op\": \"segmentMatch\", \"values\": [\"" + String.join("\", \"", segments) + "\"]}]}]}";
  }

  private static String segmentUsing(String other) {
    return "{\"rules\": [{\"clauses\": [{\"attribute\": \"\", \"op\": \"segmentMatch\","
        + " \"values\": [\"" + other + "\"]}]}]}";
  }

  private static EvaluationDetail<AvsbValue> eval(MapLookup data, String flag, AvsbContext ctx) {
    return Evaluator.evaluate(data, data.flag(flag), ctx, null);
  }

  @Test
  void segmentCyclesAreMalformedNotStackOverflows() {
    MapLookup data = MapLookup.of("{\"flags\": {\"self\": " + flagUsing("s") + ","
        + " \"pair\": " + flagUsing("a") + "},"
        + " \"segments\": {\"s\": " + segmentUsing("s") + ", \"a\": " + segmentUsing("b") + ","
        + " \"b\": " + segmentUsing("a") + "}}");
    assertThat(eval(data, "self", AvsbContext.of("u")).reason().errorKind())
        .isEqualTo(ErrorKind.MALFORMED_FLAG);
    assertThat(eval(data, "pair", AvsbContext.of("u")).reason().errorKind())
        .isEqualTo(ErrorKind.MALFORMED_FLAG);
  }

  @Test
  void nestedSegmentsWithoutACycleMatch() {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": " + flagUsing("outer") + "},"
        + " \"segments\": {\"outer\": " + segmentUsing("inner") + ","
        + " \"inner\": {\"included\": [\"u\"]}}}");
    assertThat(eval(data, "f", AvsbContext.of("u")).reason())
        .isEqualTo(EvaluationReason.ruleMatch(0, "r", false));
    assertThat(eval(data, "f", AvsbContext.of("v")).reason()).isEqualTo(EvaluationReason.fallthrough());
  }

  @Test
  void includedBeatsExcludedAndExcludedBeatsRules() {
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": " + flagUsing("s") + "},"
        + " \"segments\": {\"s\": {\"included\": [\"both\"], \"excluded\": [\"both\", \"out\"],"
        + " \"rules\": [{\"clauses\": [{\"attribute\": \"key\", \"op\": \"in\","
        + " \"values\": [\"out\", \"ruled\"]}]}]}}}");
    assertThat(eval(data, "f", AvsbContext.of("both")).value()).isEqualTo(AvsbValue.TRUE);
    assertThat(eval(data, "f", AvsbContext.of("out")).value()).isEqualTo(AvsbValue.FALSE);
    assertThat(eval(data, "f", AvsbContext.of("ruled")).value()).isEqualTo(AvsbValue.TRUE);
  }

  @Test
  void weightedRuleBucketsByTheGivenAttributeOfTheGivenKind() throws Exception {
    float bucket = (float) Sha1Test.reference60Bits(
        "s.pep.eu-west".getBytes(StandardCharsets.UTF_8)) / (float) 0xFFFFFFFFFFFFFFFL;
    int justAbove = (int) (bucket * 100_000) + 1;
    String segment = "{\"salt\": \"pep\", \"rules\": [{\"weight\": %d, \"rolloutContextKind\": \"org\","
        + " \"bucketBy\": \"/region\", \"clauses\": []}]}";
    AvsbContext ctx = AvsbContext.multi(AvsbContext.of("u"),
        AvsbContext.builder("org", "o").set("region", "eu-west").build());
    MapLookup in = MapLookup.of("{\"flags\": {\"f\": " + flagUsing("s") + "},"
        + " \"segments\": {\"s\": " + segment.formatted(justAbove) + "}}");
    MapLookup out = MapLookup.of("{\"flags\": {\"f\": " + flagUsing("s") + "},"
        + " \"segments\": {\"s\": " + segment.formatted(justAbove - 1) + "}}");
    assertThat(eval(in, "f", ctx).value()).isEqualTo(AvsbValue.TRUE);
    assertThat(eval(out, "f", ctx).value()).isEqualTo(AvsbValue.FALSE);
  }

  @Test
  void weightZeroRuleMatchesAContextWithoutTheRolloutKindAsInTheReferenceSdks() {
    // the bucket of a missing kind is -1, below a weight of 0; a context with the kind is not
    MapLookup data = MapLookup.of("{\"flags\": {\"f\": " + flagUsing("s") + "},"
        + " \"segments\": {\"s\": {\"rules\": [{\"weight\": 0, \"rolloutContextKind\": \"org\","
        + " \"clauses\": []}]}}}");
    assertThat(eval(data, "f", AvsbContext.of("u")).value()).isEqualTo(AvsbValue.TRUE);
    assertThat(eval(data, "f", AvsbContext.of("org", "o")).value()).isEqualTo(AvsbValue.FALSE);
  }

  @Test
  void invalidRuleBucketByBucketsAsZeroRatherThanFailing() {
    String segment = "{\"rules\": [{\"weight\": %d, \"rolloutContextKind\": \"user\","
        + " \"bucketBy\": \"/a//b\", \"clauses\": []}]}";
    MapLookup in = MapLookup.of("{\"flags\": {\"f\": " + flagUsing("s") + "},"
        + " \"segments\": {\"s\": " + segment.formatted(1) + "}}");
    MapLookup out = MapLookup.of("{\"flags\": {\"f\": " + flagUsing("s") + "},"
        + " \"segments\": {\"s\": " + segment.formatted(0) + "}}");
    assertThat(eval(in, "f", AvsbContext.of("u")).value()).isEqualTo(AvsbValue.TRUE);
    assertThat(eval(out, "f", AvsbContext.of("u")).value()).isEqualTo(AvsbValue.FALSE);
  }

  @Test
  void bigSegmentsNeverMatchAndUnknownSegmentsDoNotMatchButNegate() {
    MapLookup data = MapLookup.of("{\"flags\": {\"big\": " + flagUsing("b") + ","
        + " \"negated\": {\"on\": true, \"variations\": [true, false], \"fallthrough\":"
        + " {\"variation\": 1}, \"rules\": [{\"variation\": 0, \"clauses\": [{\"attribute\": \"\","
        + " \"op\": \"segmentMatch\", \"values\": [\"nope\"], \"negate\": true}]}]}},"
        + " \"segments\": {\"b\": {\"unbounded\": true, \"included\": [\"u\"]}}}");
    assertThat(eval(data, "big", AvsbContext.of("u")).value()).isEqualTo(AvsbValue.FALSE);
    assertThat(eval(data, "negated", AvsbContext.of("u")).value()).isEqualTo(AvsbValue.TRUE);
  }

  @Test
  void aMalformedSegmentMakesOnlyTheFlagsReachingItMalformed() {
    MapLookup data = MapLookup.of("{\"flags\": {\"uses\": " + flagUsing("bad") + ","
        + " \"other\": " + flagUsing("good") + "},"
        + " \"segments\": {\"bad\": {\"included\": \"u\"}, \"good\": {\"included\": [\"u\"]}}}");
    assertThat(data.segment("bad").malformedError()).contains("included must be an array");
    assertThat(eval(data, "uses", AvsbContext.of("u")).reason().errorKind())
        .isEqualTo(ErrorKind.MALFORMED_FLAG);
    assertThat(eval(data, "other", AvsbContext.of("u")).value()).isEqualTo(AvsbValue.TRUE);
  }
}
