package io.avsb.internal.store;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A percentage rollout or experiment: contexts are bucketed by a hash of an attribute and get the
 * variation of their bucket. The bucket boundaries and the hash prefix ({@code key.salt.} or
 * {@code seed.}) are computed once here. Immutable and thread-safe; the arrays returned by the
 * accessors must not be modified.
 */
public final class Rollout {
  private final List<WeightedVariation> variations;
  private final float[] bucketEnds;
  private final boolean experiment;
  private final Integer seed;
  private final AttributeRef bucketBy;
  private final String contextKind;
  private final byte[] hashPrefix;

  /**
   * Builds a rollout.
   *
   * @param variations the buckets in order
   * @param experiment true for kind {@code experiment}
   * @param seed the hash seed, or null to hash with the flag key and salt
   * @param bucketBy the attribute to bucket by, or null for {@code key}
   * @param contextKind the kind of context bucketed; null means {@code user}
   * @param flagKey the key of the flag holding the rollout
   * @param salt the flag's salt
   */
  public Rollout(
      List<WeightedVariation> variations, boolean experiment, Integer seed, AttributeRef bucketBy,
      String contextKind, String flagKey, String salt) {
    this.variations = List.copyOf(variations);
    this.bucketEnds = new float[variations.size()];
    float sum = 0F;
    for (int i = 0; i < bucketEnds.length; i++) {
      // float, as the reference SDKs sum, so that boundary contexts land in the same bucket
      sum += (float) variations.get(i).weight() / 100_000F;
      bucketEnds[i] = sum;
    }
    this.experiment = experiment;
    this.seed = seed;
    this.bucketBy = bucketBy;
    this.contextKind = contextKind == null ? AvsbContext.DEFAULT_KIND : contextKind;
    this.hashPrefix = hashPrefix(seed, flagKey, salt);
  }

  /** The UTF-8 bytes hashed before the bucketed value: {@code seed.} or {@code key.salt.}. */
  static byte[] hashPrefix(Integer seed, String key, String salt) {
    String prefix = seed != null ? seed + "." : key + "." + (salt == null ? "" : salt) + ".";
    return prefix.getBytes(StandardCharsets.UTF_8);
  }

  /** The buckets in order. */
  public List<WeightedVariation> variations() {
    return variations;
  }

  /** The cumulative upper bound of each bucket, in [0, 1]. */
  public float[] bucketEnds() {
    return bucketEnds;
  }

  /** True for an experiment, which buckets by key and reports {@code inExperiment}. */
  public boolean isExperiment() {
    return experiment;
  }

  /** The seed, or null. */
  public Integer seed() {
    return seed;
  }

  /** The attribute to bucket by, or null for {@code key}; may be invalid. */
  public AttributeRef bucketBy() {
    return bucketBy;
  }

  /** The kind of context bucketed. */
  public String contextKind() {
    return contextKind;
  }

  /** The UTF-8 bytes hashed before the value. */
  public byte[] hashPrefix() {
    return hashPrefix;
  }
}
