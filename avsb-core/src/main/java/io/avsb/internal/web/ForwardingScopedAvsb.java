package io.avsb.internal.web;

import io.avsb.AvsbContext;
import io.avsb.EvaluationDetail;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import java.util.Map;

/**
 * A {@link ScopedAvsb} that passes every call to {@link #delegate()}; subclasses override what
 * they change (a memoising helper overrides the flag reads, a lazy one only {@link #delegate()}).
 * A new getter type needs no change here (see {@link AbstractScopedAvsb}). Thread-safe when the
 * delegate and {@link #delegate()} are.
 */
public abstract class ForwardingScopedAvsb extends AbstractScopedAvsb {
  /** The helper calls go to. */
  protected abstract ScopedAvsb delegate();

  @Override
  protected <T> T value(FlagType<T> type, String key, T defaultValue) {
    return type.value(delegate(), key, defaultValue);
  }

  @Override
  protected <T> EvaluationDetail<T> detail(FlagType<T> type, String key, T defaultValue) {
    return type.detail(delegate(), key, defaultValue);
  }

  @Override
  public AvsbContext context() {
    return delegate().context();
  }

  @Override
  public FeatureFlagsState allFlagsState() {
    return delegate().allFlagsState();
  }

  @Override
  public void track(String eventKey) {
    delegate().track(eventKey);
  }

  @Override
  public void track(String eventKey, Map<String, ?> data) {
    delegate().track(eventKey, data);
  }

  @Override
  public void track(String eventKey, double metricValue, Map<String, ?> data) {
    delegate().track(eventKey, metricValue, data);
  }

  @Override
  public void identify() {
    delegate().identify();
  }
}
