package io.avsb.internal.web;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import java.util.Map;
import java.util.Objects;

/**
 * The helper of a request in a webapp that has no server (the listener is missing or failed):
 * every getter gives the caller's default with a {@code CLIENT_NOT_READY} error, events are
 * dropped and the flags state is invalid. The adapters log the missing server once; this class
 * logs nothing. Immutable and thread-safe.
 */
public final class UnavailableScopedAvsb implements ScopedAvsb {
  private static final EvaluationReason NOT_READY =
      EvaluationReason.error(EvaluationReason.ErrorKind.CLIENT_NOT_READY);

  private final AvsbContext context;

  /** A helper for {@code context} that evaluates nothing. */
  public UnavailableScopedAvsb(AvsbContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  private static <T> EvaluationDetail<T> unavailable(T defaultValue) {
    return new EvaluationDetail<>(defaultValue, EvaluationDetail.NO_VARIATION, NOT_READY);
  }

  @Override
  public AvsbContext context() {
    return context;
  }

  @Override
  public boolean getBoolFlag(String key, boolean defaultValue) {
    return defaultValue;
  }

  @Override
  public String getStringFlag(String key, String defaultValue) {
    return defaultValue;
  }

  @Override
  public int getIntFlag(String key, int defaultValue) {
    return defaultValue;
  }

  @Override
  public double getDoubleFlag(String key, double defaultValue) {
    return defaultValue;
  }

  @Override
  public AvsbValue getJsonFlag(String key, AvsbValue defaultValue) {
    return defaultValue;
  }

  @Override
  public EvaluationDetail<Boolean> getBoolFlagDetail(String key, boolean defaultValue) {
    return unavailable(defaultValue);
  }

  @Override
  public EvaluationDetail<String> getStringFlagDetail(String key, String defaultValue) {
    return unavailable(defaultValue);
  }

  @Override
  public EvaluationDetail<Integer> getIntFlagDetail(String key, int defaultValue) {
    return unavailable(defaultValue);
  }

  @Override
  public EvaluationDetail<Double> getDoubleFlagDetail(String key, double defaultValue) {
    return unavailable(defaultValue);
  }

  @Override
  public EvaluationDetail<AvsbValue> getJsonFlagDetail(String key, AvsbValue defaultValue) {
    return unavailable(defaultValue);
  }

  @Override
  public FeatureFlagsState allFlagsState() {
    return FeatureFlagsState.invalid();
  }

  @Override
  public void track(String eventKey) {}

  @Override
  public void track(String eventKey, Map<String, ?> data) {}

  @Override
  public void track(String eventKey, double metricValue, Map<String, ?> data) {}

  @Override
  public void identify() {}
}
