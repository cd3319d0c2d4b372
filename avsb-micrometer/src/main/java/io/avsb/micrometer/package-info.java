/**
 * Micrometer metrics for A vs B: {@link io.avsb.micrometer.AvsbMetrics}, a meter binder and
 * evaluation hook. Everything under {@code io.avsb.micrometer.internal} is implementation.
 */
package io.avsb.micrometer;
