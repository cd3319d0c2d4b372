package io.avsb.spi;

import java.security.Principal;
import java.time.Duration;

/**
 * The request a {@link ContextResolver} reads, in the same shape under every web adapter (the
 * servlet filter, the JAX-RS feature). Everything it returns came from the client, except the
 * principal, which the container or an authentication filter set: treat it as untrusted. Valid
 * during the resolver's call only; not thread-safe.
 */
public interface WebRequest {
  /** The first value of header {@code name} (matched case-insensitively), or null. */
  String header(String name);

  /** The value of the first cookie called {@code name}, or null. */
  String cookie(String name);

  /** The authenticated principal, or null when the request is not authenticated. */
  Principal userPrincipal();

  /** True when the request came over a secure channel (HTTPS). */
  boolean isSecure();

  /**
   * Adds a cookie to the response, with the attributes every cookie of the kit has: HttpOnly,
   * SameSite=Lax, Path=/, Secure when {@link #isSecure()}, kept for {@code maxAge}. Does nothing
   * when the response is already committed.
   */
  void setCookie(String name, String value, Duration maxAge);

  /**
   * The adapter's own object of {@code type}, or null when it has none: the servlet filter offers
   * {@code HttpServletRequest} and {@code HttpServletResponse}, the JAX-RS feature {@code
   * ContainerRequestContext}. For resolvers that need more than this interface shows.
   */
  <T> T unwrap(Class<T> type);
}
