package io.avsb.cdi.internal;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@code @Inject ScopedAvsb} injects: a helper that asks {@code target} for the request's
 * helper on every call, so it can be injected before the request's context is resolved (JAX-RS
 * resources are created while matching, before the filters run). The target either stays with
 * one request ({@link RequestCell#helper()}) or follows the calling thread's current request;
 * either throws {@link jakarta.enterprise.context.ContextNotActiveException} when it has no
 * request. Thread-safe when the target is.
 */
public final class DeferredAvsb implements ScopedAvsb {
  private final Supplier<ScopedAvsb> target;
  private final String description;

  /** A helper forwarding to {@code target}; {@code description} is its {@code toString}. */
  public DeferredAvsb(Supplier<ScopedAvsb> target, String description) {
    this.target = Objects.requireNonNull(target, "target");
    this.description = Objects.requireNonNull(description, "description");
  }

  @Override
  public AvsbContext context() {
    return target.get().context();
  }

  @Override
  public boolean getBoolFlag(String key, boolean defaultValue) {
    return target.get().getBoolFlag(key, defaultValue);
  }

  @Override
  public String getStringFlag(String key, String defaultValue) {
    return target.get().getStringFlag(key, defaultValue);
  }

  @Override
  public int getIntFlag(String key, int defaultValue) {
    return target.get().getIntFlag(key, defaultValue);
  }

  @Override
  public double getDoubleFlag(String key, double defaultValue) {
    return target.get().getDoubleFlag(key, defaultValue);
  }

  @Override
  public AvsbValue getJsonFlag(String key, AvsbValue defaultValue) {
    return target.get().getJsonFlag(key, defaultValue);
  }

  @Override
  public EvaluationDetail<Boolean> getBoolFlagDetail(String key, boolean defaultValue) {
    return target.get().getBoolFlagDetail(key, defaultValue);
  }

  @Override
  public EvaluationDetail<String> getStringFlagDetail(String key, String defaultValue) {
    return target.get().getStringFlagDetail(key, defaultValue);
  }

  @Override
  public EvaluationDetail<Integer> getIntFlagDetail(String key, int defaultValue) {
    return target.get().getIntFlagDetail(key, defaultValue);
  }

  @Override
  public EvaluationDetail<Double> getDoubleFlagDetail(String key, double defaultValue) {
    return target.get().getDoubleFlagDetail(key, defaultValue);
  }

  @Override
  public EvaluationDetail<AvsbValue> getJsonFlagDetail(String key, AvsbValue defaultValue) {
    return target.get().getJsonFlagDetail(key, defaultValue);
  }

  @Override
  public FeatureFlagsState allFlagsState() {
    return target.get().allFlagsState();
  }

  @Override
  public void track(String eventKey) {
    target.get().track(eventKey);
  }

  @Override
  public void track(String eventKey, Map<String, ?> data) {
    target.get().track(eventKey, data);
  }

  @Override
  public void track(String eventKey, double metricValue, Map<String, ?> data) {
    target.get().track(eventKey, metricValue, data);
  }

  @Override
  public void identify() {
    target.get().identify();
  }

  @Override
  public String toString() {
    return description;
  }
}
