package io.avsb.testkit;

import io.avsb.AsyncScopedAvsb;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.FeatureFlagsState;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AsyncScopedAvsb} that delegates every call to a real one and records, in a {@link
 * Recorder}, each evaluation when its stage completes (so in completion order) and each {@code
 * track} and {@code identify} call when made. Its stages never complete exceptionally, like those
 * of the helper it wraps: a recording failure is logged and the real result passed on.
 */
final class RecordingAsyncScopedAvsb implements AsyncScopedAvsb {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.testkit");

  private final AsyncScopedAvsb delegate;
  private final Recorder recorder;

  RecordingAsyncScopedAvsb(AsyncScopedAvsb delegate, Recorder recorder) {
    this.delegate = delegate;
    this.recorder = recorder;
  }

  @Override
  public AvsbContext context() {
    return delegate.context();
  }

  @Override
  public CompletionStage<Boolean> getBoolFlag(String key, boolean defaultValue) {
    return getBoolFlagDetail(key, defaultValue).thenApply(EvaluationDetail::value);
  }

  @Override
  public CompletionStage<String> getStringFlag(String key, String defaultValue) {
    return getStringFlagDetail(key, defaultValue).thenApply(EvaluationDetail::value);
  }

  @Override
  public CompletionStage<Integer> getIntFlag(String key, int defaultValue) {
    return getIntFlagDetail(key, defaultValue).thenApply(EvaluationDetail::value);
  }

  @Override
  public CompletionStage<Double> getDoubleFlag(String key, double defaultValue) {
    return getDoubleFlagDetail(key, defaultValue).thenApply(EvaluationDetail::value);
  }

  @Override
  public CompletionStage<AvsbValue> getJsonFlag(String key, AvsbValue defaultValue) {
    return getJsonFlagDetail(key, defaultValue).thenApply(EvaluationDetail::value);
  }

  @Override
  public CompletionStage<EvaluationDetail<Boolean>> getBoolFlagDetail(
      String key, boolean defaultValue) {
    return delegate.getBoolFlagDetail(key, defaultValue)
        .thenApply(d -> record(key, d, defaultValue, v -> AvsbValue.of(v.booleanValue())));
  }

  @Override
  public CompletionStage<EvaluationDetail<String>> getStringFlagDetail(
      String key, String defaultValue) {
    return delegate.getStringFlagDetail(key, defaultValue)
        .thenApply(d -> record(key, d, defaultValue, AvsbValue::of));
  }

  @Override
  public CompletionStage<EvaluationDetail<Integer>> getIntFlagDetail(String key, int defaultValue) {
    return delegate.getIntFlagDetail(key, defaultValue)
        .thenApply(d -> record(key, d, defaultValue, v -> AvsbValue.of(v.longValue())));
  }

  @Override
  public CompletionStage<EvaluationDetail<Double>> getDoubleFlagDetail(
      String key, double defaultValue) {
    return delegate.getDoubleFlagDetail(key, defaultValue).thenApply(d -> record(key, d,
        defaultValue, v -> Double.isFinite(v) ? AvsbValue.of(v.doubleValue()) : AvsbValue.NULL));
  }

  @Override
  public CompletionStage<EvaluationDetail<AvsbValue>> getJsonFlagDetail(
      String key, AvsbValue defaultValue) {
    return delegate.getJsonFlagDetail(key, defaultValue)
        .thenApply(d -> record(key, d, defaultValue, Function.identity()));
  }

  @Override
  public CompletionStage<FeatureFlagsState> allFlagsState() {
    return delegate.allFlagsState();
  }

  @Override
  public void track(String eventKey) {
    delegate.track(eventKey);
    recordTrack(eventKey, null, OptionalDouble.empty());
  }

  @Override
  public void track(String eventKey, Map<String, ?> data) {
    delegate.track(eventKey, data);
    recordTrack(eventKey, data, OptionalDouble.empty());
  }

  @Override
  public void track(String eventKey, double metricValue, Map<String, ?> data) {
    delegate.track(eventKey, metricValue, data);
    recordTrack(eventKey, data, OptionalDouble.of(metricValue));
  }

  @Override
  public void identify() {
    delegate.identify();
    recorder.identified(delegate.context());
  }

  private <T> EvaluationDetail<T> record(String key, EvaluationDetail<T> detail, T defaultValue,
      Function<T, AvsbValue> toJson) {
    try {
      recorder.evaluation(new RecordedEvaluation(key, delegate.context(),
          json(detail.value(), toJson), detail.variationIndex(), detail.reason(),
          json(defaultValue, toJson)));
    } catch (RuntimeException e) {
      LOG.warn("Mock async server: could not record the evaluation of {}: {}", key, e.toString());
    }
    return detail;
  }

  private static <T> AvsbValue json(T value, Function<T, AvsbValue> toJson) {
    if (value == null) {
      return AvsbValue.NULL;
    }
    AvsbValue v = toJson.apply(value);
    return v == null ? AvsbValue.NULL : v;
  }

  private void recordTrack(String eventKey, Map<String, ?> data, OptionalDouble metricValue) {
    AvsbValue json = AvsbValue.NULL;
    try {
      json = data == null ? AvsbValue.NULL : AvsbValue.fromJava(data);
    } catch (RuntimeException e) {
      LOG.warn("Mock async server: event {} has data with no JSON form, recorded without it: {}",
          eventKey, e.toString());
    }
    recorder.tracked(new TrackedEvent(eventKey, delegate.context(), json, metricValue));
  }
}
