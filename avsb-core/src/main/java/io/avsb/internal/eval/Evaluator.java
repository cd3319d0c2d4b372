package io.avsb.internal.eval;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.internal.store.Flag;

/** Evaluates flags per the A vs B flag model. Stateless and thread-safe. CONTRACT SKELETON. */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Evaluates {@code flag} for {@code context} against {@code data}. The value is null (and the
   * variation {@link EvaluationDetail#NO_VARIATION}) when the caller's default applies: errors, or
   * an off flag without off variation. Never throws. {@code listener} may be null.
   */
  public static EvaluationDetail<AvsbValue> evaluate(
      DataLookup data, Flag flag, AvsbContext context, PrerequisiteListener listener) {
    throw new UnsupportedOperationException("contract skeleton");
  }
}
