package io.avsb.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.EvaluationReason.ErrorKind;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class EvaluationCountsTest {
  @Test
  void errorIsTheLastReasonKindSoSlotsDoNotOverlap() {
    EvaluationReason.Kind[] kinds = EvaluationReason.Kind.values();
    assertThat(kinds[kinds.length - 1]).isEqualTo(EvaluationReason.Kind.ERROR);
  }

  @Test
  void variationsPastTheBoundCountAsOther() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EvaluationCounts counts = new EvaluationCounts(new FlagTags(null, 10), Tags.empty());
    counts.bindTo(registry);
    counts.count("many", EvaluationDetail.of(AvsbValue.of(1), 40, EvaluationReason.fallthrough()));
    counts.count("many", EvaluationDetail.of(AvsbValue.of(1), 31, EvaluationReason.fallthrough()));
    assertThat(registry.get("avsb.evaluations").tag("variation", "other").functionCounter().count())
        .isEqualTo(1);
    assertThat(registry.get("avsb.evaluations").tag("variation", "31").functionCounter().count())
        .isEqualTo(1);
  }

  @Test
  void keysThatNameNoFlagNeverGetATagOfTheirOwn() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EvaluationCounts counts = new EvaluationCounts(new FlagTags(null, 1_000), Tags.empty());
    counts.bindTo(registry);
    EvaluationDetail<AvsbValue> missing = EvaluationDetail.error(ErrorKind.FLAG_NOT_FOUND, null);
    for (int i = 0; i < 500; i++) {
      counts.count("typo-" + i, missing);
    }
    counts.count(null, missing);
    assertThat(registry.getMeters()).hasSize(1);
    assertThat(registry.get("avsb.evaluations").tag("flag", "other")
        .tag("error", "FLAG_NOT_FOUND").functionCounter().count()).isEqualTo(501);
  }

  @Test
  void countingASeenCombinationAllocatesNothing() {
    EvaluationCounts counts = new EvaluationCounts(new FlagTags(null, 10), Tags.empty());
    counts.bindTo(new SimpleMeterRegistry());
    EvaluationDetail<AvsbValue> hit =
        EvaluationDetail.of(AvsbValue.TRUE, 0, EvaluationReason.ruleMatch(1, "r", false));
    EvaluationDetail<AvsbValue> miss = EvaluationDetail.error(ErrorKind.FLAG_NOT_FOUND, null);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 20_000; i++) {
      counts.count("flag", hit);
      counts.count("missing", miss);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      counts.count("flag", hit);
      counts.count("missing", miss);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    // 20,000 counts allocating even one small object each would be well over 100 KB
    assertThat(allocated).isLessThan(1_000);
  }
}
