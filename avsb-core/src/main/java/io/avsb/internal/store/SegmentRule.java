package io.avsb.internal.store;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import java.util.List;

/**
 * A segment rule: a context matches when all clauses match and, if the rule has a weight, its
 * bucket (hashed with the segment's key and salt) is below the weight. Immutable and thread-safe.
 */
public final class SegmentRule {
  private final String id;
  private final List<Clause> clauses;
  private final Integer weight;
  private final double weightFraction;
  private final AttributeRef bucketBy;
  private final String rolloutContextKind;

  /**
   * Builds a segment rule.
   *
   * @param id the rule's id, or null
   * @param clauses the clauses
   * @param weight the share of matching contexts included, in units of 1/100,000, or null for all
   * @param bucketBy the attribute to bucket by, or null for {@code key}; may be invalid
   * @param rolloutContextKind the kind of context bucketed; null means {@code user}
   */
  public SegmentRule(
      String id, List<Clause> clauses, Integer weight, AttributeRef bucketBy,
      String rolloutContextKind) {
    this.id = id;
    this.clauses = List.copyOf(clauses);
    this.weight = weight;
    this.weightFraction = weight == null ? 1.0 : (double) weight / 100_000.0;
    this.bucketBy = bucketBy;
    this.rolloutContextKind =
        rolloutContextKind == null ? AvsbContext.DEFAULT_KIND : rolloutContextKind;
  }

  /** The rule's id, or null. */
  public String id() {
    return id;
  }

  /** The clauses. */
  public List<Clause> clauses() {
    return clauses;
  }

  /** The weight, or null when every matching context is included. */
  public Integer weight() {
    return weight;
  }

  /** The weight as a fraction of 1, in double as the reference SDKs compare it with the bucket. */
  public double weightFraction() {
    return weightFraction;
  }

  /** The attribute to bucket by, or null for {@code key}. */
  public AttributeRef bucketBy() {
    return bucketBy;
  }

  /** The kind of context bucketed. */
  public String rolloutContextKind() {
    return rolloutContextKind;
  }
}
