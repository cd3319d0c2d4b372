package io.avsb.differential;

import static io.avsb.differential.Json.arr;
import static io.avsb.differential.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differences from LaunchDarkly's Java server SDK that docs/compatibility.md lists as
 * decisions, each shown against the reference itself so that the list stays true: if the
 * reference changed, these tests would say so.
 */
class KnownDifferencesTest {
  @TempDir
  Path dir;

  private static List<Object> users(int count) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(obj("kind", "user", "key", "user-" + i));
    }
    return out;
  }

  private static Map<String, Object> splitFlag(Object salt) {
    Map<String, Object> flag = obj("key", "split", "version", 1L, "on", true,
        "variations", arr("a", "b"), "fallthrough", obj("rollout", obj("variations", arr(
            obj("variation", 0L, "weight", 50_000L), obj("variation", 1L, "weight", 50_000L)))));
    if (salt != null) {
      flag.put("salt", salt);
    }
    return flag;
  }

  private static Map<String, Object> segmentFlagAndSegment(Object salt) {
    Map<String, Object> segment = obj("key", "half", "version", 1L,
        "rules", arr(obj("clauses", arr(), "weight", 50_000L)));
    if (salt != null) {
      segment.put("salt", salt);
    }
    Map<String, Object> flag = obj("key", "in-half", "version", 1L, "on", true, "salt", "s",
        "variations", arr(false, true), "fallthrough", obj("variation", 0L),
        "rules", arr(obj("variation", 1L, "clauses",
            arr(obj("attribute", "key", "op", "segmentMatch", "values", arr("half"))))));
    return obj("flags", obj("in-half", flag), "segments", obj("half", segment));
  }

  private static String data(Map<String, Object> flag) {
    return Json.write(obj("flags", obj((String) flag.get("key"), flag), "segments", obj()));
  }

  private static long differing(List<Harness.Evaluation> evaluations) {
    return evaluations.stream().filter(e -> !e.agrees()).count();
  }

  @Test
  void aFlagWithoutSaltHashesWithAnEmptySaltHereAndWithNullInTheReference() {
    Harness harness = new Harness(dir);
    List<Object> users = users(200);
    List<String> keys = List.of("split");
    // as is, the two split the same users differently...
    long asIs = differing(harness.evaluate(data(splitFlag(null)), data(splitFlag(null)), users, keys));
    assertThat(asIs).as("users bucketed differently with no salt").isBetween(40L, 160L);
    // ...because a missing salt is "" here and "null" there
    assertThat(differing(harness.evaluate(data(splitFlag(null)), data(splitFlag("")), users, keys)))
        .isZero();
    assertThat(differing(harness.evaluate(data(splitFlag("null")), data(splitFlag(null)), users, keys)))
        .isZero();
  }

  @Test
  void aSegmentWithoutSaltHashesItsRuleWeightsTheSameWay() {
    Harness harness = new Harness(dir);
    List<Object> users = users(200);
    List<String> keys = List.of("in-half");
    String none = Json.write(segmentFlagAndSegment(null));
    assertThat(differing(harness.evaluate(none, none, users, keys))).isBetween(40L, 160L);
    assertThat(differing(harness.evaluate(none, Json.write(segmentFlagAndSegment("")), users, keys)))
        .isZero();
  }

  @Test
  void bigSegmentsNeverMatchHereWhileTheReferenceReportsThemNotConfiguredAndRunsTheirRules() {
    Map<String, Object> big = obj("key", "big", "version", 1L, "salt", "s", "unbounded", true,
        "generation", 1L, "included", arr("user-0"),
        "rules", arr(obj("clauses", arr(obj("attribute", "key", "op", "in", "values", arr("user-1"))))));
    Map<String, Object> flag = obj("key", "uses-big", "version", 1L, "on", true, "salt", "s",
        "variations", arr(false, true), "fallthrough", obj("variation", 0L),
        "rules", arr(obj("variation", 1L, "clauses",
            arr(obj("attribute", "key", "op", "segmentMatch", "values", arr("big"))))));
    String data = Json.write(obj("flags", obj("uses-big", flag), "segments", obj("big", big)));
    List<Harness.Evaluation> results =
        new Harness(dir).evaluate(data, data, users(2), List.of("uses-big"));
    // user-0 is listed: neither SDK matches (the reference skips a big segment's lists)...
    assertThat(results.get(0).ours().kind()).isEqualTo("FALLTHROUGH");
    assertThat(results.get(0).reference().kind()).isEqualTo("FALLTHROUGH");
    assertThat(results.get(0).reference().bigSegmentsStatus()).isEqualTo("NOT_CONFIGURED");
    // ...user-1 matches the rule: only the reference runs a big segment's rules
    assertThat(results.get(1).ours().kind()).isEqualTo("FALLTHROUGH");
    assertThat(results.get(1).reference().kind()).isEqualTo("RULE_MATCH");
  }

  @Test
  void prerequisiteChainsDeeperThan100AreMalformedHereAndFollowedByTheReference() {
    Map<String, Object> flags = new LinkedHashMap<>();
    int length = 120;
    for (int i = 0; i < length; i++) {
      Map<String, Object> flag = obj("key", "f" + i, "version", 1L, "on", true, "salt", "s",
          "variations", arr("a", "b"), "offVariation", 1L, "fallthrough", obj("variation", 0L));
      if (i + 1 < length) {
        flag.put("prerequisites", arr(obj("key", "f" + (i + 1), "variation", 0L)));
      }
      flags.put("f" + i, flag);
    }
    String data = Json.write(obj("flags", flags, "segments", obj()));
    List<Harness.Evaluation> results =
        new Harness(dir).evaluate(data, data, users(1), List.of("f0", "f" + (length - 100)));
    assertThat(results.get(0).ours().errorKind()).isEqualTo("MALFORMED_FLAG");
    assertThat(results.get(0).reference().kind()).isEqualTo("FALLTHROUGH");
    // 100 deep is still followed here
    assertThat(results.get(1).agrees()).isTrue();
    assertThat(results.get(1).ours().kind()).isEqualTo("FALLTHROUGH");
  }

  @Test
  void theStoredKeyIsHashedHereAndTheKeyPropertyInTheReference() {
    Harness harness = new Harness(dir);
    List<Object> users = users(200);
    Map<String, Object> flag = splitFlag("s");
    String same = data(flag);
    Map<String, Object> renamed = new LinkedHashMap<>(flag);
    renamed.put("key", "another-key");
    String inside = Json.write(obj("flags", obj("split", renamed), "segments", obj()));
    assertThat(differing(harness.evaluate(same, same, users, List.of("split")))).isZero();
    assertThat(differing(harness.evaluate(inside, inside, users, List.of("split"))))
        .isBetween(40L, 160L);
  }

  @Test
  void aNullSegmentKeyMakesTheReferenceRejectTheWholeDataSet() throws Exception {
    Map<String, Object> flag = obj("key", "f", "version", 1L, "on", true, "salt", "s",
        "variations", arr(false, true), "fallthrough", obj("variation", 0L),
        "rules", arr(obj("variation", 1L, "clauses",
            arr(obj("attribute", "key", "op", "segmentMatch", "values", arr(null, "s1"))))));
    Map<String, Object> segment = obj("key", "s1", "version", 1L, "included", arr("user-0"));
    String data = Json.write(obj("flags", obj("f", flag), "segments", obj("s1", segment)));
    assertThatThrownBy(() -> new Harness(dir).evaluate(data, data, users(1), List.of("f")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reference ready: false");
    // this kit ignores the number and matches by the string key
    Path file = dir.resolve("non-string-segment-key.json");
    Files.writeString(file, data, StandardCharsets.US_ASCII);
    try (OurSdk ours = new OurSdk(file)) {
      assertThat(ours.ready()).isTrue();
      assertThat(ours.evaluate("f", OurSdk.context(Json.write(users(1).get(0)))).kind())
          .isEqualTo("RULE_MATCH");
    }
  }
}
