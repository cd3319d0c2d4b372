package io.avsb.testkit;

import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A percentage rollout for a flag's fallthrough or one of its rules: contexts are split into
 * buckets by a hash of an attribute (the key by default), as the real evaluator does. Build one
 * with {@link #percentages(int...)} or {@link #of(WeightedVariation...)}, then refine it with the
 * {@code with...} methods, which return new instances. Immutable and thread-safe.
 *
 * <p>Weights are in units of 1/100,000 and need not add up to 100,000: a context whose bucket lies
 * past the last one gets the last bucket's variation, as in the flag model.
 *
 * @param variations the buckets, in order; at least one
 * @param bucketBy the attribute (name or {@code /path} reference) to hash, or null for the key
 * @param contextKind the kind of context whose attribute is hashed, or null for {@code user}
 * @param seed the hash seed, or null to hash with the flag key and salt
 * @param experiment whether this is an experiment (results are tagged {@code inExperiment})
 */
public record Rollout(
    List<WeightedVariation> variations,
    String bucketBy,
    String contextKind,
    Integer seed,
    boolean experiment) {

  /** Copies the buckets and checks that there is at least one and that none is null. */
  public Rollout {
    Objects.requireNonNull(variations, "variations");
    if (variations.isEmpty()) {
      throw new IllegalArgumentException("variations must hold at least one bucket");
    }
    for (WeightedVariation v : variations) {
      Objects.requireNonNull(v, "variations element");
    }
    variations = List.copyOf(variations);
    if (bucketBy != null && bucketBy.isEmpty()) {
      throw new IllegalArgumentException("bucketBy must not be empty");
    }
    if (contextKind != null && contextKind.isEmpty()) {
      throw new IllegalArgumentException("contextKind must not be empty");
    }
  }

  /** A rollout over the given buckets, bucketing by the {@code user} key. */
  public static Rollout of(WeightedVariation... variations) {
    return new Rollout(List.of(variations), null, null, null, false);
  }

  /**
   * A rollout giving variation {@code i} to {@code weights[i]}/100,000 of contexts: {@code
   * percentages(50_000, 50_000)} splits evenly between variations 0 and 1.
   */
  public static Rollout percentages(int... weights) {
    Objects.requireNonNull(weights, "weights");
    List<WeightedVariation> buckets = new ArrayList<>(weights.length);
    for (int i = 0; i < weights.length; i++) {
      buckets.add(WeightedVariation.of(i, weights[i]));
    }
    return new Rollout(buckets, null, null, null, false);
  }

  /** This rollout bucketing by {@code attribute} (a name, or a {@code /path} reference). */
  public Rollout withBucketBy(String attribute) {
    return new Rollout(variations, Objects.requireNonNull(attribute, "attribute"), contextKind,
        seed, experiment);
  }

  /** This rollout bucketing by the context of kind {@code kind} (in a multi-context). */
  public Rollout withContextKind(String kind) {
    return new Rollout(variations, bucketBy, Objects.requireNonNull(kind, "kind"), seed,
        experiment);
  }

  /** This rollout hashing with {@code seed} instead of the flag key and salt. */
  public Rollout withSeed(int seed) {
    return new Rollout(variations, bucketBy, contextKind, seed, experiment);
  }

  /**
   * This rollout as an experiment: results are tagged {@code inExperiment} (except for untracked
   * buckets), and the evaluator buckets by key whatever {@link #bucketBy()} says.
   */
  public Rollout asExperiment() {
    return new Rollout(variations, bucketBy, contextKind, seed, true);
  }

  AvsbValue toJson() {
    Map<String, AvsbValue> json = new LinkedHashMap<>();
    if (experiment) {
      json.put("kind", AvsbValue.of("experiment"));
    }
    List<AvsbValue> buckets = new ArrayList<>(variations.size());
    for (WeightedVariation v : variations) {
      buckets.add(v.toJson());
    }
    json.put("variations", new AvsbValue.Arr(buckets));
    if (bucketBy != null) {
      json.put("bucketBy", AvsbValue.of(bucketBy));
    }
    if (contextKind != null) {
      json.put("contextKind", AvsbValue.of(contextKind));
    }
    if (seed != null) {
      json.put("seed", AvsbValue.of(seed.longValue()));
    }
    return new AvsbValue.Obj(json);
  }
}
