package io.avsb.servlet;

import io.avsb.internal.web.HeaderMapping;
import io.avsb.internal.web.VisitorKeys;
import io.avsb.servlet.internal.HeaderResolver;
import io.avsb.servlet.internal.PrincipalResolver;
import io.avsb.servlet.internal.VisitorCookieResolver;
import io.avsb.servlet.spi.ContextResolver;
import java.util.Map;

/**
 * The built-in {@link ContextResolver}s, for {@link AvsbFilter#AvsbFilter(ContextResolver)} and
 * {@link AvsbServlets#install}. Every resolver returned is thread-safe. Request headers are
 * untrusted: a value over 256 characters or with a control or other unprintable character is
 * rejected (logged once per reason, never the value) and the request is anonymous.
 */
public final class ContextResolvers {
  private ContextResolvers() {}

  /**
   * The seed's resolver: {@code x-user-id} gives the key of a {@code user} context, {@code
   * x-user-plan} its {@code plan}; without an id the context is anonymous with key {@code anon}.
   */
  public static ContextResolver headers() {
    return new HeaderResolver(HeaderMapping.SEED);
  }

  /**
   * Like {@link #headers()} with other header names: {@code keyHeader} gives the key, and each
   * entry of {@code attributeHeaders} maps a header to a string attribute.
   *
   * @throws IllegalArgumentException when a name is not a header name or an attribute is reserved
   */
  public static ContextResolver headers(String keyHeader, Map<String, String> attributeHeaders) {
    return new HeaderResolver(new HeaderMapping(keyHeader, attributeHeaders));
  }

  /**
   * A user context keyed by the authenticated principal's name, anonymous ({@code anon}) when the
   * request is not authenticated.
   */
  public static ContextResolver principal() {
    return new PrincipalResolver();
  }

  /**
   * {@link #headers()} for identified requests; otherwise a sticky anonymous visitor whose random
   * key lives in the cookie {@code avsb_visitor} (issued once: HttpOnly, SameSite=Lax, Path=/,
   * Secure on secure requests, 400 days), so the visitor keeps their experiment bucket.
   */
  public static ContextResolver cookie() {
    return cookie(headers());
  }

  /**
   * {@code identified}'s context when it is valid and not anonymous; otherwise a sticky anonymous
   * visitor as in {@link #cookie()}.
   */
  public static ContextResolver cookie(ContextResolver identified) {
    return new VisitorCookieResolver(identified, new VisitorKeys());
  }
}
