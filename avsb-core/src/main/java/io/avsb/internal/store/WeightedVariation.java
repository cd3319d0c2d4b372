package io.avsb.internal.store;

/**
 * One bucket of a rollout. Immutable and thread-safe.
 *
 * @param variation the variation index given to contexts in this bucket
 * @param weight the bucket's share in units of 1/100,000
 * @param untracked true when an experiment does not track contexts in this bucket
 */
public record WeightedVariation(int variation, int weight, boolean untracked) {}
