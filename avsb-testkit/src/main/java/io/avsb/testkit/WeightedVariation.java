package io.avsb.testkit;

import io.avsb.AvsbValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bucket of a percentage {@link Rollout}: a variation index and its share in units of
 * 1/100,000 (so {@code 50_000} is 50%). Immutable and thread-safe.
 *
 * @param variation the index of the variation served to contexts in this bucket; not negative
 * @param weight the bucket's share in units of 1/100,000, from 0 to 100,000
 * @param untracked in an experiment, whether contexts in this bucket are left out of it
 */
public record WeightedVariation(int variation, int weight, boolean untracked) {
  /** The weight of a bucket holding everyone. */
  public static final int FULL_WEIGHT = 100_000;

  /** Checks that the index is not negative and the weight is between 0 and 100,000. */
  public WeightedVariation {
    if (variation < 0) {
      throw new IllegalArgumentException("variation must not be negative, was " + variation);
    }
    if (weight < 0 || weight > FULL_WEIGHT) {
      throw new IllegalArgumentException("weight must be between 0 and 100000, was " + weight);
    }
  }

  /** A tracked bucket serving {@code variation} to {@code weight}/100,000 of contexts. */
  public static WeightedVariation of(int variation, int weight) {
    return new WeightedVariation(variation, weight, false);
  }

  /** A bucket that an experiment does not track (its contexts are not {@code inExperiment}). */
  public static WeightedVariation untracked(int variation, int weight) {
    return new WeightedVariation(variation, weight, true);
  }

  AvsbValue toJson() {
    Map<String, AvsbValue> json = new LinkedHashMap<>();
    json.put("variation", AvsbValue.of(variation));
    json.put("weight", AvsbValue.of(weight));
    if (untracked) {
      json.put("untracked", AvsbValue.TRUE);
    }
    return new AvsbValue.Obj(json);
  }
}
