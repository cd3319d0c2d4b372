package io.avsb.spi;

import io.avsb.AvsbContext;

/**
 * Decides who a request is for; the same contract under every web adapter ({@code AvsbFilter},
 * {@code AvsbFeature}). The adapter calls it once per request, before the application's code (for
 * JAX-RS, after authentication), and evaluates every flag of the request for the context it
 * returns. {@link ContextResolvers} has the built-in ones.
 *
 * <p>Semantics, the same everywhere: return the identified context, or <b>null</b> when the
 * request names nobody. The adapter then uses the anonymous context (key {@code anon}), or a
 * sticky visitor when {@link ContextResolvers#visitorCookie} wraps the resolver. An invalid context
 * or an exception also gives the anonymous context, logged once per webapp or application; the
 * request itself never fails.
 *
 * <p>Implementations must be thread-safe: one instance serves every request. Treat request data as
 * untrusted. One named by class in the servlet filter's {@code resolver} init-parameter needs a
 * public no-argument constructor.
 */
@FunctionalInterface
public interface ContextResolver {
  /** The context {@code request} is for, or null when it names nobody. */
  AvsbContext resolve(WebRequest request);
}
