/**
 * A vs B for JAX-RS (Jersey): {@link io.avsb.jaxrs.AvsbFeature} resolves each request's context
 * into a scoped helper, injectable as {@code @Context ScopedAvsb}, and {@link
 * io.avsb.jaxrs.FlagGate} gates resources on a flag. Everything under {@code
 * io.avsb.jaxrs.internal} is implementation and may change without notice.
 */
package io.avsb.jaxrs;
