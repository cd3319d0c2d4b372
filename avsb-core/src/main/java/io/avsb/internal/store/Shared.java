package io.avsb.internal.store;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Equal immutable parts of the items of one data set, kept once: variation lists, results, fixed
 * outcomes (a fallthrough to variation 1 of {@code [false, true]} is the same object in every flag
 * that has it) and clauses ({@code plan in [pro, enterprise]} is preprocessed once). A data set of a million similar flags then holds each such part once rather
 * than a million times. Each table stops growing at {@value #MAX} entries, so a data set of all
 * different parts costs little more than without sharing. Not thread-safe: one per load.
 */
final class Shared {
  private static final int MAX = 4096;

  private final Map<List<AvsbValue>, List<AvsbValue>> lists = new HashMap<>();
  private final Map<EvaluationDetail<AvsbValue>, EvaluationDetail<AvsbValue>> results = new HashMap<>();
  private final Map<OutcomeKey, VariationOrRollout> outcomes = new HashMap<>();
  private final Map<ClauseKey, Clause> clauses = new HashMap<>();

  /** The shared immutable copy of {@code variations}. */
  List<AvsbValue> variations(List<AvsbValue> variations) {
    List<AvsbValue> shared = lists.get(variations);
    if (shared != null) {
      return shared;
    }
    List<AvsbValue> copy = List.copyOf(variations);
    if (lists.size() < MAX) {
      lists.put(copy, copy);
    }
    return copy;
  }

  /** The shared instance equal to {@code result}. */
  EvaluationDetail<AvsbValue> result(EvaluationDetail<AvsbValue> result) {
    EvaluationDetail<AvsbValue> shared = results.get(result);
    if (shared != null) {
      return shared;
    }
    if (results.size() < MAX) {
      results.put(result, result);
    }
    return result;
  }

  /** The shared fixed outcome (no rollout) giving {@code variation} of {@code variations}. */
  VariationOrRollout fixed(Integer variation, List<AvsbValue> variations, EvaluationReason reason,
      EvaluationReason experimentReason) {
    OutcomeKey key = new OutcomeKey(variation, variations, reason, experimentReason);
    VariationOrRollout shared = outcomes.get(key);
    if (shared != null) {
      return shared;
    }
    VariationOrRollout made = new VariationOrRollout(variation, null, variations, reason, experimentReason);
    if (outcomes.size() < MAX) {
      outcomes.put(key, made);
    }
    return made;
  }

  /**
   * The shared clause of this content. A {@code matches} clause is never shared: its regular
   * expressions are the evaluator's business, per flag.
   */
  Clause clause(String kind, boolean reference, String attribute, Operator op,
      List<AvsbValue> values, boolean negate) {
    if (op == Operator.MATCHES) {
      return FlagParser.clause(kind, reference, attribute, op, values, negate);
    }
    ClauseKey key = new ClauseKey(kind, reference, attribute, op, values, negate);
    Clause shared = clauses.get(key);
    if (shared != null) {
      return shared;
    }
    Clause made = FlagParser.clause(kind, reference, attribute, op, values, negate);
    if (clauses.size() < MAX) {
      clauses.put(key, made);
    }
    return made;
  }

  // equals and hashCode written out: a record's generated ones are linked on first use, which
  // costs a cold start tens of milliseconds
  private record ClauseKey(String kind, boolean reference, String attribute, Operator op,
      List<AvsbValue> values, boolean negate) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ClauseKey k && reference == k.reference && negate == k.negate
          && op == k.op && Objects.equals(kind, k.kind) && Objects.equals(attribute, k.attribute)
          && Objects.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(kind);
      h = h * 31 + Boolean.hashCode(reference);
      h = h * 31 + Objects.hashCode(attribute);
      h = h * 31 + Objects.hashCode(op);
      h = h * 31 + Objects.hashCode(values);
      return h * 31 + Boolean.hashCode(negate);
    }
  }

  private record OutcomeKey(Integer variation, List<AvsbValue> variations, EvaluationReason reason,
      EvaluationReason experimentReason) {
    @Override
    public boolean equals(Object o) {
      return o instanceof OutcomeKey k && Objects.equals(variation, k.variation)
          && Objects.equals(variations, k.variations) && Objects.equals(reason, k.reason)
          && Objects.equals(experimentReason, k.experimentReason);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(variation);
      h = h * 31 + Objects.hashCode(variations);
      h = h * 31 + Objects.hashCode(reason);
      return h * 31 + Objects.hashCode(experimentReason);
    }
  }
}
