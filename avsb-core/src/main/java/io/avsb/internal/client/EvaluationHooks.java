package io.avsb.internal.client;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.spi.AvsbHook;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the configured hooks' {@link AvsbHook#afterEvaluation} for each evaluation a caller made,
 * straight from the evaluation path rather than through an analytics event, so that a hook costs
 * no event object and no clock read: the detail the evaluator returned is passed on as it is,
 * except that an error result gets the caller's default as its value. A hook that throws is
 * logged once and skipped for that call. Thread-safe.
 */
final class EvaluationHooks {
  /** No hooks: {@link #isEmpty()} is true and nothing is called. */
  static final EvaluationHooks NONE = new EvaluationHooks(List.of());

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.client");

  private final AvsbHook[] hooks;
  private final ProblemLog problems = new ProblemLog(LOG, 100);

  EvaluationHooks(List<AvsbHook> hooks) {
    this.hooks = hooks.toArray(new AvsbHook[0]);
  }

  boolean isEmpty() {
    return hooks.length == 0;
  }

  /** Tells every hook that {@code key} gave {@code result} ({@code value} null: the default). */
  void after(String key, AvsbContext context, EvaluationDetail<AvsbValue> result,
      AvsbValue defaultValue) {
    EvaluationDetail<AvsbValue> seen = result.value() != null
        ? result
        : EvaluationDetail.of(defaultValue, result.variationIndex(), result.reason());
    for (AvsbHook hook : hooks) {
      try {
        hook.afterEvaluation(key, context, seen, defaultValue);
      } catch (RuntimeException e) {
        if (problems.firstTime(Problem.HOOK_FAILED, hook.getClass().getName())) {
          LOG.error("Hook {} threw; it is ignored for this call", hook.getClass().getName(), e);
        }
      }
    }
  }

  private enum Problem { HOOK_FAILED }
}
