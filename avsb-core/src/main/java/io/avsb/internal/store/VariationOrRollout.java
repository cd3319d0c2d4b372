package io.avsb.internal.store;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import java.util.List;

/**
 * What a rule or the fallthrough gives: a fixed variation or a rollout, with every result it can
 * produce built in advance so that evaluation returns a shared instance. A variation index out of
 * range, a missing variation and rollout, or a rollout without buckets give the {@code
 * MALFORMED_FLAG} error result when reached. Immutable and thread-safe.
 */
public final class VariationOrRollout {
  private static final EvaluationDetail<AvsbValue>[] NO_RESULTS = newArray(0);

  private final EvaluationDetail<AvsbValue> fixedResult;
  private final Rollout rollout;
  private final EvaluationDetail<AvsbValue>[] results;
  private final EvaluationDetail<AvsbValue>[] experimentResults;

  /**
   * Builds the outcome and its results.
   *
   * @param variation the fixed variation index, or null
   * @param rollout the rollout, or null; used only when {@code variation} is null
   * @param variations the flag's variations
   * @param reason the reason of a result outside an experiment
   * @param experimentReason the same reason with {@code inExperiment}
   */
  public VariationOrRollout(
      Integer variation, Rollout rollout, List<AvsbValue> variations, EvaluationReason reason,
      EvaluationReason experimentReason) {
    if (variation != null || rollout == null || rollout.variations().isEmpty()) {
      this.rollout = null;
      this.fixedResult = variation == null
          ? Flag.errorResult(EvaluationReason.ErrorKind.MALFORMED_FLAG)
          : Flag.result(variations, variation, reason);
      this.results = NO_RESULTS;
      this.experimentResults = results;
      return;
    }
    this.rollout = rollout;
    this.fixedResult = null;
    List<WeightedVariation> buckets = rollout.variations();
    this.results = newArray(buckets.size());
    this.experimentResults = newArray(buckets.size());
    for (int i = 0; i < buckets.size(); i++) {
      WeightedVariation wv = buckets.get(i);
      results[i] = Flag.result(variations, wv.variation(), reason);
      experimentResults[i] = rollout.isExperiment() && !wv.untracked()
          ? Flag.result(variations, wv.variation(), experimentReason)
          : results[i];
    }
  }

  private VariationOrRollout(EvaluationDetail<AvsbValue> fixedResult) {
    this.rollout = null;
    this.fixedResult = fixedResult;
    this.results = newArray(0);
    this.experimentResults = results;
  }

  /**
   * The fallthrough of a flag that has none: reaching it gives the {@code EXCEPTION} error, as the
   * reference SDKs give (they fail on the absent object), rather than {@code MALFORMED_FLAG}.
   */
  public static VariationOrRollout missingFallthrough() {
    return new VariationOrRollout(Flag.errorResult(EvaluationReason.ErrorKind.EXCEPTION));
  }

  @SuppressWarnings("unchecked")
  private static EvaluationDetail<AvsbValue>[] newArray(int size) {
    return (EvaluationDetail<AvsbValue>[]) new EvaluationDetail<?>[size];
  }

  /** The rollout, or null when the result is fixed. */
  public Rollout rollout() {
    return rollout;
  }

  /** The result when there is no rollout: the variation's, or the malformed-flag error. */
  public EvaluationDetail<AvsbValue> fixedResult() {
    return fixedResult;
  }

  /**
   * The result for rollout bucket {@code index}; {@code tracked} asks for the {@code
   * inExperiment} result, which an untracked bucket or a plain rollout does not have.
   */
  public EvaluationDetail<AvsbValue> bucketResult(int index, boolean tracked) {
    return tracked ? experimentResults[index] : results[index];
  }
}
