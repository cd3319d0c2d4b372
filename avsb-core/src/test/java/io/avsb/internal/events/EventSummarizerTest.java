package io.avsb.internal.events;

import static io.avsb.internal.events.TestEvents.eval;
import static io.avsb.internal.events.TestEvents.unknownFlag;
import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventSummarizerTest {
  private static final AvsbContext USER = AvsbContext.of("u1");
  private static final AvsbContext ORG = AvsbContext.of("org", "o1");

  @Test
  void countsPerVariationVersionAndValue() {
    EventSummarizer s = new EventSummarizer();
    for (int i = 0; i < 3; i++) {
      s.count(eval(100 + i, USER, "a", 5, 0, AvsbValue.TRUE, AvsbValue.FALSE));
    }
    s.count(eval(50, USER, "a", 5, 1, AvsbValue.FALSE, AvsbValue.FALSE));
    s.count(eval(60, USER, "a", 6, 1, AvsbValue.FALSE, AvsbValue.FALSE));
    EventSummary summary = s.drain();
    assertThat(summary.startDate()).isEqualTo(50);
    assertThat(summary.endDate()).isEqualTo(102);
    EventSummary.FlagCounts a = summary.flags().get("a");
    assertThat(a.defaultValue()).isEqualTo(AvsbValue.FALSE);
    assertThat(a.contextKinds()).containsExactly("user");
    assertThat(a.counters()).containsExactlyInAnyOrder(
        new EventSummary.Counter(0, 5, AvsbValue.TRUE, 3),
        new EventSummary.Counter(1, 5, AvsbValue.FALSE, 1),
        new EventSummary.Counter(1, 6, AvsbValue.FALSE, 1));
  }

  @Test
  void unknownFlagsAreCountedByValue() {
    EventSummarizer s = new EventSummarizer();
    s.count(unknownFlag(USER, "missing", AvsbValue.of("x")));
    s.count(unknownFlag(USER, "missing", AvsbValue.of("x")));
    s.count(unknownFlag(USER, "missing", AvsbValue.of("y")));
    List<EventSummary.Counter> counters = s.drain().flags().get("missing").counters();
    assertThat(counters).allMatch(EventSummary.Counter::unknown);
    assertThat(counters).containsExactlyInAnyOrder(
        new EventSummary.Counter(-1, -1, AvsbValue.of("x"), 2),
        new EventSummary.Counter(-1, -1, AvsbValue.of("y"), 1));
  }

  @Test
  void contextKindsCoverEveryPartOfMultiContexts() {
    EventSummarizer s = new EventSummarizer();
    s.count(eval(ORG, "a", 0));
    s.count(eval(AvsbContext.multi(USER, AvsbContext.of("device", "d1")), "a", 0));
    assertThat(s.drain().flags().get("a").contextKinds())
        .containsExactlyInAnyOrder("org", "device", "user");
  }

  @Test
  void prerequisiteEvaluationsAreCountedUnderTheirOwnKey() {
    EventSummarizer s = new EventSummarizer();
    s.count(new EvaluationEvent(1, USER, "pre", 2, 1, AvsbValue.TRUE, AvsbValue.NULL,
        EvaluationReason.fallthrough(), "main", false, false));
    s.count(eval(1, USER, "main", 4, 0, AvsbValue.of("on"), AvsbValue.of("off")));
    EventSummary summary = s.drain();
    assertThat(summary.flags().keySet()).containsExactly("pre", "main");
    assertThat(summary.flags().get("pre").defaultValue()).isEqualTo(AvsbValue.NULL);
    assertThat(summary.totalCount()).isEqualTo(2);
  }

  @Test
  void drainStartsANewInterval() {
    EventSummarizer s = new EventSummarizer();
    assertThat(s.isEmpty()).isTrue();
    assertThat(s.drain()).isNull();
    s.count(eval(USER, "a", 0));
    assertThat(s.isEmpty()).isFalse();
    assertThat(s.drain()).isNotNull();
    assertThat(s.isEmpty()).isTrue();
    assertThat(s.drain()).isNull();
    s.count(eval(7, USER, "b", 1, 0, AvsbValue.TRUE, AvsbValue.TRUE));
    EventSummary second = s.drain();
    assertThat(second.flags().keySet()).containsExactly("b");
    assertThat(second.startDate()).isEqualTo(7);
  }

  @Test
  void everyEvaluationIsCountedExactlyOnce() {
    Random random = new Random(20261124L);
    for (int round = 0; round < 200; round++) {
      // each pick selects a flag (3), a version (3) and a variation or -1 (3)
      int n = random.nextInt(301);
      EventSummarizer s = new EventSummarizer();
      Map<String, Long> expected = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int p = random.nextInt(27);
        String flag = "f" + p % 3;
        int version = p / 3 % 3;
        int variation = p / 9 - 1;
        s.count(eval(1, USER, flag, version, variation, AvsbValue.of(variation), AvsbValue.NULL));
        expected.merge(flag + "/" + version + "/" + variation, 1L, Long::sum);
      }
      EventSummary summary = s.drain();
      if (n == 0) {
        assertThat(summary).isNull();
        continue;
      }
      Map<String, Long> actual = new HashMap<>();
      summary.flags().forEach((flag, counts) -> counts.counters().forEach(c ->
          actual.merge(flag + "/" + c.version() + "/" + c.variation(), c.count(), Long::sum)));
      assertThat(actual).isEqualTo(expected);
      assertThat(summary.totalCount()).isEqualTo(n);
    }
  }
}
