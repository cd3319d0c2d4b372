package io.avsb.testkit;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.spi.AvsbHook;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a {@link MockAvsbServer}'s server saw, through the SDK's hook, in the order it happened
 * per kind. Thread-safe.
 */
final class Recorder implements AvsbHook {
  private final Queue<RecordedEvaluation> evaluations = new ConcurrentLinkedQueue<>();
  private final Queue<TrackedEvent> tracked = new ConcurrentLinkedQueue<>();
  private final Queue<AvsbContext> identified = new ConcurrentLinkedQueue<>();

  @Override
  public void afterEvaluation(String flagKey, AvsbContext context,
      EvaluationDetail<AvsbValue> detail, AvsbValue defaultValue) {
    evaluations.add(new RecordedEvaluation(flagKey, context, detail.value(),
        detail.variationIndex(), detail.reason(), defaultValue));
  }

  @Override
  public void afterTrack(String eventKey, AvsbContext context, AvsbValue data, Double metricValue) {
    tracked.add(new TrackedEvent(eventKey, context, data,
        metricValue == null ? OptionalDouble.empty() : OptionalDouble.of(metricValue)));
  }

  @Override
  public void afterIdentify(AvsbContext context) {
    identified.add(context);
  }

  List<RecordedEvaluation> evaluations() {
    return List.copyOf(evaluations);
  }

  List<TrackedEvent> tracked() {
    return List.copyOf(tracked);
  }

  List<AvsbContext> identified() {
    return List.copyOf(identified);
  }

  void clear() {
    evaluations.clear();
    tracked.clear();
    identified.clear();
  }
}
