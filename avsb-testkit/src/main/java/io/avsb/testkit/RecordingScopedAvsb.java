package io.avsb.testkit;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ScopedAvsb} that delegates every call to a real one and records the evaluations,
 * {@code track} and {@code identify} calls in a {@link Recorder}. Never throws, like the helper it
 * wraps: a recording failure is logged and the real result returned.
 */
final class RecordingScopedAvsb implements ScopedAvsb {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.testkit");

  private final ScopedAvsb delegate;
  private final Recorder recorder;

  RecordingScopedAvsb(ScopedAvsb delegate, Recorder recorder) {
    this.delegate = delegate;
    this.recorder = recorder;
  }

  @Override
  public AvsbContext context() {
    return delegate.context();
  }

  @Override
  public boolean getBoolFlag(String key, boolean defaultValue) {
    return getBoolFlagDetail(key, defaultValue).value();
  }

  @Override
  public String getStringFlag(String key, String defaultValue) {
    return getStringFlagDetail(key, defaultValue).value();
  }

  @Override
  public int getIntFlag(String key, int defaultValue) {
    return getIntFlagDetail(key, defaultValue).value();
  }

  @Override
  public double getDoubleFlag(String key, double defaultValue) {
    return getDoubleFlagDetail(key, defaultValue).value();
  }

  @Override
  public AvsbValue getJsonFlag(String key, AvsbValue defaultValue) {
    return getJsonFlagDetail(key, defaultValue).value();
  }

  @Override
  public EvaluationDetail<Boolean> getBoolFlagDetail(String key, boolean defaultValue) {
    return record(key, delegate.getBoolFlagDetail(key, defaultValue), defaultValue,
        v -> AvsbValue.of(v.booleanValue()));
  }

  @Override
  public EvaluationDetail<String> getStringFlagDetail(String key, String defaultValue) {
    return record(key, delegate.getStringFlagDetail(key, defaultValue), defaultValue, AvsbValue::of);
  }

  @Override
  public EvaluationDetail<Integer> getIntFlagDetail(String key, int defaultValue) {
    return record(key, delegate.getIntFlagDetail(key, defaultValue), defaultValue,
        v -> AvsbValue.of(v.longValue()));
  }

  @Override
  public EvaluationDetail<Double> getDoubleFlagDetail(String key, double defaultValue) {
    return record(key, delegate.getDoubleFlagDetail(key, defaultValue), defaultValue,
        v -> Double.isFinite(v) ? AvsbValue.of(v.doubleValue()) : AvsbValue.NULL);
  }

  @Override
  public EvaluationDetail<AvsbValue> getJsonFlagDetail(String key, AvsbValue defaultValue) {
    return record(key, delegate.getJsonFlagDetail(key, defaultValue), defaultValue,
        Function.identity());
  }

  @Override
  public FeatureFlagsState allFlagsState() {
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
      recorder.evaluation(new RecordedEvaluation(key, delegate.context(), json(detail.value(), toJson),
          detail.variationIndex(), detail.reason(), json(defaultValue, toJson)));
    } catch (RuntimeException e) {
      LOG.warn("Mock server: could not record the evaluation of {}: {}", key, e.toString());
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
      LOG.warn("Mock server: event {} has data with no JSON form, recorded without it: {}",
          eventKey, e.toString());
    }
    recorder.tracked(new TrackedEvent(eventKey, delegate.context(), json, metricValue));
  }
}
