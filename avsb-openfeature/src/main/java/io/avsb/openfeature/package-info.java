/**
 * OpenFeature for A vs B: {@link io.avsb.openfeature.AvsbProvider}, the provider backed by a
 * server, and {@link io.avsb.openfeature.AvsbOpenFeature}, OpenFeature clients bound to a
 * request's user. Everything under {@code io.avsb.openfeature.internal} is implementation.
 */
package io.avsb.openfeature;
