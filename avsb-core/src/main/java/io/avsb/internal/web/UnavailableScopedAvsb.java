package io.avsb.internal.web;

import io.avsb.AvsbContext;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.FeatureFlagsState;
import java.util.Map;
import java.util.Objects;

/**
 * The helper of a request in a webapp that has no server (the listener is missing or failed):
 * every getter gives the caller's default with a {@code CLIENT_NOT_READY} error, events are
 * dropped and the flags state is invalid. The adapter's {@link WebLog} reports the missing server;
 * this class logs nothing. Immutable and thread-safe.
 */
public final class UnavailableScopedAvsb extends AbstractScopedAvsb {
  private static final EvaluationReason NOT_READY =
      EvaluationReason.error(EvaluationReason.ErrorKind.CLIENT_NOT_READY);

  private final AvsbContext context;

  /** A helper for {@code context} that evaluates nothing. */
  public UnavailableScopedAvsb(AvsbContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  protected <T> T value(FlagType<T> type, String key, T defaultValue) {
    return defaultValue;
  }

  @Override
  protected <T> EvaluationDetail<T> detail(FlagType<T> type, String key, T defaultValue) {
    return new EvaluationDetail<>(defaultValue, EvaluationDetail.NO_VARIATION, NOT_READY);
  }

  @Override
  public AvsbContext context() {
    return context;
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
