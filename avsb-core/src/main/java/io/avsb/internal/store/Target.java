package io.avsb.internal.store;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import java.util.Set;

/**
 * Individual targeting: contexts of one kind whose key is in a set get one variation. The result
 * is built in advance. Immutable and thread-safe.
 */
public final class Target {
  private final String contextKind;
  private final Set<String> values;
  private final int variation;
  private final EvaluationDetail<AvsbValue> result;

  /**
   * Builds a target.
   *
   * @param contextKind the kind of context targeted; null means {@code user}
   * @param values the targeted keys
   * @param variation the variation index given
   * @param result the {@code TARGET_MATCH} result (or the malformed-flag error)
   */
  public Target(
      String contextKind, Set<String> values, int variation, EvaluationDetail<AvsbValue> result) {
    this.contextKind = contextKind == null ? AvsbContext.DEFAULT_KIND : contextKind;
    this.values = KeyLookup.of(values);
    this.variation = variation;
    this.result = result;
  }

  /** The kind of context targeted. */
  public String contextKind() {
    return contextKind;
  }

  /** The targeted keys. */
  public Set<String> values() {
    return values;
  }

  /** The variation index given. */
  public int variation() {
    return variation;
  }

  /** The result of a match. */
  public EvaluationDetail<AvsbValue> result() {
    return result;
  }
}
