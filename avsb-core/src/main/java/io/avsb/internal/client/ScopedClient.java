package io.avsb.internal.client;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link ScopedAvsb} of a server: the server's reader and tracker bound to one context. Two
 * references and nothing else, so it is cheap to create per request. The primitive getters box
 * nothing. Immutable and thread-safe.
 */
final class ScopedClient implements ScopedAvsb {
  private static final AvsbContext MISSING = AvsbContext.builder(null).build();

  private final FlagReader reader;
  private final Tracker tracker;
  private final AvsbContext context;

  ScopedClient(FlagReader reader, Tracker tracker, AvsbContext context) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.context = context == null ? MISSING : context;
  }

  @Override
  public AvsbContext context() {
    return context;
  }

  @Override
  public boolean getBoolFlag(String key, boolean defaultValue) {
    AvsbValue v = reader.evaluate(context, key, ValueType.BOOL,
        reader.recordsEvents() ? AvsbValue.of(defaultValue) : null, false).value();
    return v == null ? defaultValue : v.booleanValue();
  }

  @Override
  public String getStringFlag(String key, String defaultValue) {
    AvsbValue v = reader.evaluate(context, key, ValueType.STRING,
        reader.recordsEvents() ? AvsbValue.of(defaultValue) : null, false).value();
    return v == null ? defaultValue : v.stringValue();
  }

  @Override
  public int getIntFlag(String key, int defaultValue) {
    AvsbValue v = reader.evaluate(context, key, ValueType.INT,
        reader.recordsEvents() ? AvsbValue.of(defaultValue) : null, false).value();
    return v == null ? defaultValue : v.intValue();
  }

  @Override
  public double getDoubleFlag(String key, double defaultValue) {
    AvsbValue v = reader.evaluate(context, key, ValueType.DOUBLE,
        reader.recordsEvents() ? eventDefault(defaultValue) : null, false).value();
    return v == null ? defaultValue : v.doubleValue();
  }

  @Override
  public AvsbValue getJsonFlag(String key, AvsbValue defaultValue) {
    AvsbValue v = reader.evaluate(context, key, ValueType.JSON, defaultValue, false).value();
    return v == null ? defaultValue : v;
  }

  @Override
  public EvaluationDetail<Boolean> getBoolFlagDetail(String key, boolean defaultValue) {
    EvaluationDetail<AvsbValue> d = reader.evaluate(context, key, ValueType.BOOL,
        reader.recordsEvents() ? AvsbValue.of(defaultValue) : null, true);
    AvsbValue v = d.value();
    return EvaluationDetail.of(v == null ? defaultValue : v.booleanValue(), d.variationIndex(),
        d.reason());
  }

  @Override
  public EvaluationDetail<String> getStringFlagDetail(String key, String defaultValue) {
    EvaluationDetail<AvsbValue> d = reader.evaluate(context, key, ValueType.STRING,
        reader.recordsEvents() ? AvsbValue.of(defaultValue) : null, true);
    AvsbValue v = d.value();
    return EvaluationDetail.of(v == null ? defaultValue : v.stringValue(), d.variationIndex(),
        d.reason());
  }

  @Override
  public EvaluationDetail<Integer> getIntFlagDetail(String key, int defaultValue) {
    EvaluationDetail<AvsbValue> d = reader.evaluate(context, key, ValueType.INT,
        reader.recordsEvents() ? AvsbValue.of(defaultValue) : null, true);
    AvsbValue v = d.value();
    return EvaluationDetail.of(v == null ? defaultValue : v.intValue(), d.variationIndex(),
        d.reason());
  }

  @Override
  public EvaluationDetail<Double> getDoubleFlagDetail(String key, double defaultValue) {
    EvaluationDetail<AvsbValue> d = reader.evaluate(context, key, ValueType.DOUBLE,
        reader.recordsEvents() ? eventDefault(defaultValue) : null, true);
    AvsbValue v = d.value();
    return EvaluationDetail.of(v == null ? defaultValue : v.doubleValue(), d.variationIndex(),
        d.reason());
  }

  @Override
  public EvaluationDetail<AvsbValue> getJsonFlagDetail(String key, AvsbValue defaultValue) {
    EvaluationDetail<AvsbValue> d =
        reader.evaluate(context, key, ValueType.JSON, defaultValue, true);
    return d.value() == null
        ? EvaluationDetail.of(defaultValue, d.variationIndex(), d.reason())
        : d;
  }

  @Override
  public FeatureFlagsState allFlagsState() {
    return reader.allFlagsState(context);
  }

  @Override
  public void track(String eventKey) {
    tracker.track(context, eventKey, null, false, 0);
  }

  @Override
  public void track(String eventKey, Map<String, ?> data) {
    tracker.track(context, eventKey, data, false, 0);
  }

  @Override
  public void track(String eventKey, double metricValue, Map<String, ?> data) {
    tracker.track(context, eventKey, data, true, metricValue);
  }

  @Override
  public void identify() {
    tracker.identify(context);
  }

  @Override
  public String toString() {
    return "ScopedAvsb(" + context + ")";
  }

  // a default of NaN or infinity has no JSON form; the event then records null
  private static AvsbValue eventDefault(double defaultValue) {
    return Double.isFinite(defaultValue) ? AvsbValue.of(defaultValue) : AvsbValue.NULL;
  }
}
