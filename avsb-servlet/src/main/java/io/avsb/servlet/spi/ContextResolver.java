package io.avsb.servlet.spi;

import io.avsb.AvsbContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Decides who a request is for. {@code AvsbFilter} calls it once per request, before the
 * application's servlets, and evaluates every flag of the request for the context it returns.
 *
 * <p>Implementations must be thread-safe: one instance serves every request. Treat request data
 * as untrusted. Returning null or an invalid context, or throwing, makes the filter use the
 * anonymous context (and log that once); the request itself never fails. An implementation named
 * in the filter's {@code resolver} init-parameter needs a public no-argument constructor.
 */
@FunctionalInterface
public interface ContextResolver {
  /**
   * The context for {@code request}. The response is there for resolvers that issue cookies; it
   * is not committed yet.
   */
  AvsbContext resolve(HttpServletRequest request, HttpServletResponse response);
}
