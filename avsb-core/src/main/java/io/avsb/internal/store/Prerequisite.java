package io.avsb.internal.store;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;

/**
 * A flag that must be on and give a given variation before the flag holding this is evaluated
 * further. Immutable and thread-safe.
 *
 * @param key the prerequisite flag's key
 * @param variation the variation index it must give
 * @param failedResult the holding flag's result when this prerequisite fails: its off variation
 *     with reason {@code PREREQUISITE_FAILED}
 */
public record Prerequisite(String key, int variation, EvaluationDetail<AvsbValue> failedResult) {
  /** Interns the key as the store does its keys, so finding the prerequisite ends at identity. */
  public Prerequisite {
    key = key == null ? null : key.intern();
  }
}
