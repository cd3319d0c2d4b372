package io.avsb.internal.eval;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.internal.store.Flag;

/**
 * Told of each prerequisite evaluated on the way to a result, so events can record them. Called
 * on the evaluating thread, in evaluation order; implementations used from several threads must
 * be thread-safe.
 */
@FunctionalInterface
public interface PrerequisiteListener {
  /** {@code prerequisite} gave {@code result} for {@code context} while evaluating {@code of}. */
  void onPrerequisite(
      Flag prerequisite, AvsbContext context, EvaluationDetail<AvsbValue> result, Flag of);
}
