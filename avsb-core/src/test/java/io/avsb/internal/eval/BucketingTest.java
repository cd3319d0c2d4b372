package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.internal.store.Flag;
import io.avsb.internal.store.FlagParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bucketing checked from first principles: the bucket of a value is the first 15 hex digits of
 * SHA-1 over the documented input, computed here with {@link java.security.MessageDigest}, over
 * {@code 0xFFFFFFFFFFFFFFF}.
 */
class BucketingTest {
  private static final float SCALE = (float) 0xFFFFFFFFFFFFFFFL;

  private static float expected(String hashInput) throws Exception {
    return (float) Sha1Test.reference60Bits(hashInput.getBytes(StandardCharsets.UTF_8)) / SCALE;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void stringKeysHashWithFlagKeyAndSalt() throws Exception {
    String[][] cases = {
      {"flag", "salt", "user-key"},
      {"hashKey", "saltyA", "userKeyA"},
      {"my-flag", "", "userKeyB"},
      {"f", "s", "ключ-🙂"},
      {"segment3", "salty", "user-key"},
    };
    for (String[] c : cases) {
      float bucket = Bucketing.bucket(bytes(c[0] + "." + c[1] + "."), AvsbValue.of(c[2]));
      assertThat(bucket).as("%s.%s.%s", c[0], c[1], c[2])
          .isEqualTo(expected(c[0] + "." + c[1] + "." + c[2]));
      assertThat(bucket).isBetween(0F, 1F);
    }
  }

  @Test
  void theDocumentedSegmentBucketIsReproduced() {
    // segment-match.yml: "segment3.salty.user-key" buckets just under 14955/100000
    float bucket = Bucketing.bucket(bytes("segment3.salty."), AvsbValue.of("user-key"));
    assertThat(bucket * 100_000).isBetween(14_949F, 14_951F);
  }

  @Test
  void seededRolloutsHashWithTheSeedOnly() throws Exception {
    for (int seed : new int[] {0, 61, -7, 123_456_789}) {
      float bucket = Bucketing.bucket(bytes(seed + "."), AvsbValue.of("userKeyA"));
      assertThat(bucket).isEqualTo(expected(seed + ".userKeyA"));
    }
  }

  @Test
  void integralNumbersBucketByTheirDecimalText() throws Exception {
    for (double v : new double[] {0, 1, 123, -45, 33333, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      String text = Long.toString((long) v);
      assertThat(Bucketing.bucket(bytes("f.s."), AvsbValue.of(v)))
          .as("%s", text).isEqualTo(expected("f.s." + text));
    }
  }

  @Test
  void numbersOutsideInt32AreBucketZeroAsInTheReferenceSdks() {
    byte[] prefix = bytes("f.s.");
    for (double v : new double[] {2147483648.0, -2147483649.0, 5000227792.0, 1.0e12, 1.0e20}) {
      assertThat(Bucketing.bucket(prefix, AvsbValue.of(v))).as("%s", v).isZero();
    }
  }

  @Test
  void anInvalidReferenceIsBucketZeroAndAMissingKindIsMinusOne() {
    AvsbContext user = AvsbContext.builder("user-key").set("a", "x").build();
    byte[] prefix = bytes("f.s.");
    for (String invalid : new String[] {"/", "/a//b", "/a~2b", ""}) {
      assertThat(Bucketing.bucket(user, "user", AttributeRef.of(invalid), prefix)).as(invalid).isZero();
    }
    assertThat(Bucketing.bucket(user, "user", AttributeRef.of("/missing"), prefix)).isZero();
    assertThat(Bucketing.bucket(user, "org", AttributeRef.of("/"), prefix)).isEqualTo(-1F);
  }

  @Test
  void otherValuesAreBucketZero() {
    byte[] prefix = bytes("f.s.");
    assertThat(Bucketing.bucket(prefix, AvsbValue.of(1.5))).isZero();
    assertThat(Bucketing.bucket(prefix, AvsbValue.TRUE)).isZero();
    assertThat(Bucketing.bucket(prefix, AvsbValue.NULL)).isZero();
    assertThat(Bucketing.bucket(prefix, null)).isZero();
    assertThat(Bucketing.bucket(prefix, AvsbValue.arrayOf(AvsbValue.of("a")))).isZero();
  }

  @Test
  void bucketByReadsTheAttributeOfTheRolloutsKind() throws Exception {
    AvsbContext context = AvsbContext.multi(
        AvsbContext.builder("user-key").set("team", 42).build(),
        AvsbContext.builder("org", "org-key").set("region", "eu").build());
    byte[] prefix = bytes("f.s.");
    assertThat(Bucketing.bucket(context, "user", null, prefix)).isEqualTo(expected("f.s.user-key"));
    assertThat(Bucketing.bucket(context, "user", AttributeRef.ofLiteral("team"), prefix))
        .isEqualTo(expected("f.s.42"));
    assertThat(Bucketing.bucket(context, "org", AttributeRef.of("/region"), prefix))
        .isEqualTo(expected("f.s.eu"));
    assertThat(Bucketing.bucket(context, "device", null, prefix)).isEqualTo(Bucketing.NO_CONTEXT);
  }

  @Test
  void experimentForAContextLackingTheRolloutKindUsesTheFirstBucketOutsideTheExperiment() {
    Flag flag = FlagParser.parseFlag("exp", AvsbValue.parse("""
        {"on": true, "variations": ["a", "b"], "fallthrough": {"rollout": {
          "kind": "experiment", "contextKind": "org",
          "variations": [{"variation": 1, "weight": 10}, {"variation": 0, "weight": 99990}]}}}
        """));
    EvaluationDetail<AvsbValue> result =
        Evaluator.evaluate(null, flag, AvsbContext.of("user-key"), null);
    assertThat(result.variationIndex()).isEqualTo(1);
    assertThat(result.reason().inExperiment()).isFalse();
  }

  @Test
  void rolloutPicksTheBucketTheHashFallsIn() throws Exception {
    float bucket = expected("split.pepper.user-7");
    int boundary = (int) (bucket * 100_000);
    Flag flag = FlagParser.parseFlag("split", AvsbValue.parse("""
        {"on": true, "salt": "pepper", "variations": ["a", "b"], "fallthrough": {"rollout": {
          "variations": [{"variation": 0, "weight": %d}, {"variation": 1, "weight": %d}]}}}
        """.formatted(boundary, 100_000 - boundary)));
    Flag shifted = FlagParser.parseFlag("split", AvsbValue.parse("""
        {"on": true, "salt": "pepper", "variations": ["a", "b"], "fallthrough": {"rollout": {
          "variations": [{"variation": 0, "weight": %d}, {"variation": 1, "weight": %d}]}}}
        """.formatted(boundary + 1, 99_999 - boundary)));
    AvsbContext user = AvsbContext.of("user-7");
    assertThat(Evaluator.evaluate(null, flag, user, null).variationIndex()).isEqualTo(1);
    assertThat(Evaluator.evaluate(null, shifted, user, null).variationIndex()).isEqualTo(0);
  }

  /** Random weights of 2 to 5 buckets summing to 100,000, the last taking the remainder. */
  private static List<Integer> randomWeights(Random random) {
    int n = 2 + random.nextInt(4);
    List<Integer> raw = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      raw.add(1 + random.nextInt(1000));
    }
    int total = raw.stream().mapToInt(Integer::intValue).sum();
    List<Integer> out = new ArrayList<>();
    int left = 100_000;
    for (int i = 0; i < n - 1; i++) {
      int w = raw.get(i) * 100_000 / total;
      out.add(w);
      left -= w;
    }
    out.add(left);
    return out;
  }

  // a property over random weights and keys, seeded so a failure replays exactly
  @Test
  void rolloutSplitOf100000RandomKeysIsWithinOnePercentOfTheWeights() {
    Random trials = new Random(20261124L);
    for (int trial = 0; trial < 5; trial++) {
      long seed = trials.nextLong();
      List<Integer> weights = randomWeights(new Random(seed));
      assertSplit(weights, seed);
    }
  }

  private static void assertSplit(List<Integer> weights, long seed) {
    StringBuilder buckets = new StringBuilder();
    for (int i = 0; i < weights.size(); i++) {
      buckets.append(i == 0 ? "" : ",")
          .append("{\"variation\": ").append(i).append(", \"weight\": ").append(weights.get(i))
          .append("}");
    }
    StringBuilder variations = new StringBuilder();
    for (int i = 0; i < weights.size(); i++) {
      variations.append(i == 0 ? "" : ",").append(i);
    }
    Flag flag = FlagParser.parseFlag("prop-flag", AvsbValue.parse(
        "{\"on\": true, \"salt\": \"s" + seed + "\", \"variations\": [" + variations
            + "], \"fallthrough\": {\"rollout\": {\"variations\": [" + buckets + "]}}}"));
    int[] counts = new int[weights.size()];
    Random random = new Random(seed);
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      AvsbContext user = AvsbContext.of(Long.toHexString(random.nextLong()));
      counts[Evaluator.evaluate(null, flag, user, null).variationIndex()]++;
    }
    for (int i = 0; i < counts.length; i++) {
      assertThat((double) counts[i] / n).as("share of variation %d for weights %s, seed %d", i, weights, seed)
          .isCloseTo(weights.get(i) / 100_000.0, org.assertj.core.data.Offset.offset(0.01));
    }
  }
}
