package io.avsb.spi;

import io.avsb.internal.web.HeaderContextResolver;
import io.avsb.internal.web.HeaderMapping;
import io.avsb.internal.web.PrincipalResolver;
import io.avsb.internal.web.RejectionLog;
import io.avsb.internal.web.VisitorCookieResolver;
import io.avsb.internal.web.VisitorKeys;
import java.util.Map;

/**
 * The built-in {@link ContextResolver}s, for the servlet filter and the JAX-RS feature alike. Every
 * resolver returned is thread-safe. Client values are untrusted: a header value or principal name
 * over 256 characters or with a control or other unprintable character is rejected (logged once
 * per reason and resolver, never the value) and the request names nobody.
 */
public final class ContextResolvers {
  /** The cookie {@link #visitorCookie(ContextResolver)} uses. */
  public static final String VISITOR_COOKIE = VisitorCookieResolver.DEFAULT_NAME;

  private ContextResolvers() {}

  /**
   * The default resolver: header {@code x-user-id} gives the key of a {@code user} context, {@code
   * x-user-plan} its {@code plan} attribute; without an id the request names nobody.
   */
  public static ContextResolver headers() {
    return headers(HeaderMapping.DEFAULT);
  }

  /**
   * Like {@link #headers()} with other header names: {@code keyHeader} gives the key, and each
   * entry of {@code attributeHeaders} maps a header to a string attribute.
   *
   * @throws IllegalArgumentException when a name is not a header name or an attribute is reserved
   */
  public static ContextResolver headers(String keyHeader, Map<String, String> attributeHeaders) {
    return headers(new HeaderMapping(keyHeader, attributeHeaders));
  }

  private static ContextResolver headers(HeaderMapping mapping) {
    return new HeaderContextResolver(mapping, new RejectionLog());
  }

  /**
   * A {@code user} context keyed by the authenticated principal's name (for JAX-RS, as the {@code
   * SecurityContext} has it after authentication filters); an unauthenticated request names nobody.
   */
  public static ContextResolver principal() {
    return new PrincipalResolver(new RejectionLog());
  }

  /**
   * {@code identified}'s context when it names someone (a valid, not anonymous context);
   * otherwise a sticky anonymous visitor whose random key lives in the cookie {@value
   * #VISITOR_COOKIE}, issued when missing or malformed (HttpOnly, SameSite=Lax, Path=/, Secure on
   * secure requests, kept 400 days), so the visitor keeps their experiment bucket.
   */
  public static ContextResolver visitorCookie(ContextResolver identified) {
    return visitorCookie(identified, VISITOR_COOKIE);
  }

  /**
   * As {@link #visitorCookie(ContextResolver)}, with the cookie called {@code cookieName}.
   *
   * @throws IllegalArgumentException when {@code cookieName} is not a cookie name
   */
  public static ContextResolver visitorCookie(ContextResolver identified, String cookieName) {
    return new VisitorCookieResolver(identified, cookieName, new VisitorKeys());
  }
}
