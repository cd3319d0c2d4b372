package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason.ErrorKind;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import java.util.Map;
import java.util.Objects;

/**
 * The helper of a request when no server can be found: every flag gives the caller's default
 * with the reason {@code CLIENT_NOT_READY}, events go nowhere. Immutable and thread-safe.
 */
final class UnavailableAvsb implements ScopedAvsb {
  private final AvsbContext context;

  UnavailableAvsb(AvsbContext context) {
    this.context = Objects.requireNonNull(context, "context");
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
    return EvaluationDetail.error(ErrorKind.CLIENT_NOT_READY, defaultValue);
  }

  @Override
  public EvaluationDetail<String> getStringFlagDetail(String key, String defaultValue) {
    return EvaluationDetail.error(ErrorKind.CLIENT_NOT_READY, defaultValue);
  }

  @Override
  public EvaluationDetail<Integer> getIntFlagDetail(String key, int defaultValue) {
    return EvaluationDetail.error(ErrorKind.CLIENT_NOT_READY, defaultValue);
  }

  @Override
  public EvaluationDetail<Double> getDoubleFlagDetail(String key, double defaultValue) {
    return EvaluationDetail.error(ErrorKind.CLIENT_NOT_READY, defaultValue);
  }

  @Override
  public EvaluationDetail<AvsbValue> getJsonFlagDetail(String key, AvsbValue defaultValue) {
    return EvaluationDetail.error(ErrorKind.CLIENT_NOT_READY, defaultValue);
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
