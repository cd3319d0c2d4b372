package io.avsb.micrometer.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.LongAdder;

/**
 * The count of one (flag, variation, reason, error) combination: a {@link LongAdder} the
 * evaluation path increments, shown to every bound registry as a {@link FunctionCounter}.
 * Thread-safe.
 */
final class EvaluationCell {
  private final LongAdder count = new LongAdder();
  private final Tags tags;

  EvaluationCell(String flag, String variation, String reason, String error) {
    this.tags = Tags.of("flag", flag, "variation", variation, "reason", reason, "error", error);
  }

  void increment() {
    count.increment();
  }

  long count() {
    return count.sum();
  }

  void registerIn(MeterRegistry registry, Tags common) {
    FunctionCounter.builder(EvaluationCounts.METER, this, EvaluationCell::count)
        .description("Flag evaluations by flag, variation, reason and error kind")
        .tags(common)
        .tags(tags)
        .register(registry);
  }
}
