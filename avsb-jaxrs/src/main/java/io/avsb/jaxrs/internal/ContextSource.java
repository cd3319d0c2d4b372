package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Says who a JAX-RS request is for: the JAX-RS flavour of the resolvers in {@code
 * io.avsb.internal.web}. Implementations are thread-safe and called once per request.
 */
@FunctionalInterface
public interface ContextSource {
  /**
   * The identified context, or null when the request names nobody (it is then anonymous). May
   * throw or return an invalid context; {@link RequestHelpers} treats both as anonymous.
   */
  AvsbContext identify(ContainerRequestContext request);
}
