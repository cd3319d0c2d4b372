package io.avsb.spi;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;

/**
 * Observes what an application does with the SDK: each flag evaluation a caller made (not the
 * prerequisites evaluated on the way), each {@code track} and each {@code identify}. For metrics,
 * tracing, audit logs, and the testkit's recording mock. Registered with {@code
 * AvsbConfig.Builder.hooks(...)}.
 *
 * <p>Methods run synchronously on the caller's thread, after the result is known: keep them fast
 * and never block. A hook that throws is logged once and otherwise ignored. Implementations must
 * be thread-safe. All methods do nothing by default.
 */
public interface AvsbHook {
  /**
   * Flag {@code flagKey} was evaluated for {@code context}; {@code detail} holds the value the
   * caller received (its default on error), the variation index and the reason; {@code
   * defaultValue} is the default the caller passed. Evaluations for an invalid context are not
   * reported: there is no context to report them for.
   */
  default void afterEvaluation(String flagKey, AvsbContext context,
      EvaluationDetail<AvsbValue> detail, AvsbValue defaultValue) {}

  /**
   * A custom event was tracked. {@code data} is {@link AvsbValue#NULL} when none was given;
   * {@code metricValue} is null when none was given.
   */
  default void afterTrack(
      String eventKey, AvsbContext context, AvsbValue data, Double metricValue) {}

  /** {@code identify} was called for {@code context}. */
  default void afterIdentify(AvsbContext context) {}
}
