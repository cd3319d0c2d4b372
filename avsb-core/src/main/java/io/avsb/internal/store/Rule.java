package io.avsb.internal.store;

import java.util.List;

/**
 * A flag rule: when all clauses match, the outcome applies. Immutable and thread-safe.
 *
 * @param id the rule's id, or null
 * @param clauses the clauses, all of which must match
 * @param outcome the variation or rollout, with its {@code RULE_MATCH} results built in advance
 * @param trackEvents whether a match produces full feature events
 */
public record Rule(String id, List<Clause> clauses, VariationOrRollout outcome, boolean trackEvents) {
  /** Copies the clauses. */
  public Rule {
    clauses = List.copyOf(clauses);
  }
}
