/**
 * OpenTelemetry for A vs B: {@link io.avsb.opentelemetry.AvsbSpanEvents}, a hook recording flag
 * evaluations as {@code feature_flag.evaluation} span events.
 */
package io.avsb.opentelemetry;
