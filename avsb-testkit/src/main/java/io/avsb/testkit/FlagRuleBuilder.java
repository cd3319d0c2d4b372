package io.avsb.testkit;

import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds one rule of a flag, started by {@link FlagBuilder#ifMatch} and its siblings: add
 * conditions with the {@code and...} methods (all must hold), then finish with a {@code then...}
 * method, which appends the rule to the flag and returns the flag's builder. Rules are evaluated
 * in the order they were added. Not thread-safe.
 */
public final class FlagRuleBuilder {
  private final FlagBuilder flag;
  private final List<Clause> clauses = new ArrayList<>();
  private String id;
  private boolean trackEvents;

  FlagRuleBuilder(FlagBuilder flag, Clause first) {
    this.flag = flag;
    clauses.add(first);
  }

  /** Also requires the {@code user} context's {@code attribute} to equal one of {@code values}. */
  public FlagRuleBuilder andMatch(String attribute, Object... values) {
    return andClause(Clause.matches(attribute, values));
  }

  /** Also requires the {@code user} context's {@code attribute} to equal none of {@code values}. */
  public FlagRuleBuilder andNotMatch(String attribute, Object... values) {
    return andClause(Clause.matches(attribute, values).negated());
  }

  /** Also requires the {@code kind} context's {@code attribute} to equal one of {@code values}. */
  public FlagRuleBuilder andMatchContext(String kind, String attribute, Object... values) {
    return andClause(Clause.matchesContext(kind, attribute, values));
  }

  /** Also requires the {@code kind} context's {@code attribute} to equal none of {@code values}. */
  public FlagRuleBuilder andNotMatchContext(String kind, String attribute, Object... values) {
    return andClause(Clause.matchesContext(kind, attribute, values).negated());
  }

  /** Also requires the context to be in one of the segments {@code segmentKeys}. */
  public FlagRuleBuilder andInSegment(String... segmentKeys) {
    return andClause(Clause.inSegment(segmentKeys));
  }

  /** Also requires {@code clause} to hold. */
  public FlagRuleBuilder andClause(Clause clause) {
    clauses.add(Objects.requireNonNull(clause, "clause"));
    return this;
  }

  /** Gives the rule this id (reported in {@code RULE_MATCH} reasons); default {@code rule<index>}. */
  public FlagRuleBuilder id(String id) {
    this.id = Objects.requireNonNull(id, "id");
    return this;
  }

  /** Whether matches of this rule produce full feature events (default false). */
  public FlagRuleBuilder trackEvents(boolean trackEvents) {
    this.trackEvents = trackEvents;
    return this;
  }

  /** Finishes the rule: matching contexts get variation {@code variation}. */
  public FlagBuilder thenReturn(int variation) {
    FlagBuilder.requireIndex(variation, "variation");
    return flag.addRule(new FlagRule(id, clauses, variation, null, trackEvents));
  }

  /** Finishes the rule: matching contexts get {@code value}; the flag becomes a boolean flag. */
  public FlagBuilder thenReturn(boolean value) {
    flag.booleanFlag();
    return thenReturn(FlagBuilder.booleanIndex(value));
  }

  /** Finishes the rule: matching contexts get {@code value}, added to the variations if new. */
  public FlagBuilder thenReturn(AvsbValue value) {
    return thenReturn(flag.indexOfOrAdd(value));
  }

  /** Finishes the rule: matching contexts are split by {@code rollout}. */
  public FlagBuilder thenRollout(Rollout rollout) {
    Objects.requireNonNull(rollout, "rollout");
    return flag.addRule(new FlagRule(id, clauses, -1, rollout, trackEvents));
  }

  /** Finishes the rule with {@link Rollout#of(WeightedVariation...)}{@code (buckets)}. */
  public FlagBuilder thenRollout(WeightedVariation... buckets) {
    return thenRollout(Rollout.of(buckets));
  }

  /** Finishes the rule with {@link Rollout#percentages(int...)}{@code (weights)}. */
  public FlagBuilder thenPercentages(int... weights) {
    return thenRollout(Rollout.percentages(weights));
  }
}
