package io.avsb.servlet.internal;

import io.avsb.AvsbContext;
import io.avsb.internal.web.AnonymousContexts;
import io.avsb.internal.web.VisitorKeys;
import io.avsb.servlet.spi.ContextResolver;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps anonymous visitors in one experiment bucket across requests. When the wrapped resolver
 * identifies the request (a non-anonymous context), that context is used. Otherwise the visitor
 * is anonymous with the key from the {@value #COOKIE} cookie; a visitor without a well-formed one
 * gets a new random key in a cookie that is HttpOnly, SameSite=Lax, Path=/, Secure when the
 * request is, and kept for 400 days (the longest browsers honour). Thread-safe.
 */
public final class VisitorCookieResolver implements ContextResolver {
  /** The cookie's name. */
  public static final String COOKIE = "avsb_visitor";

  static final int MAX_AGE_SECONDS = (int) Duration.ofDays(400).toSeconds();

  private final ContextResolver identified;
  private final VisitorKeys keys;

  /** Prefers {@code identified}'s non-anonymous contexts; visitors get keys from {@code keys}. */
  public VisitorCookieResolver(ContextResolver identified, VisitorKeys keys) {
    this.identified = Objects.requireNonNull(identified, "identified");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public AvsbContext resolve(HttpServletRequest request, HttpServletResponse response) {
    AvsbContext context = identified.resolve(request, response);
    if (context != null && context.isValid() && !context.anonymous()) {
      return context;
    }
    String key = visitorKey(request);
    if (key == null) {
      key = keys.next();
      if (!response.isCommitted()) {
        response.addCookie(cookie(key, request.isSecure()));
      }
    }
    return AnonymousContexts.visitor(key);
  }

  private static String visitorKey(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName()) && VisitorKeys.isWellFormed(c.getValue())) {
        return c.getValue();
      }
    }
    return null;
  }

  private static Cookie cookie(String key, boolean secure) {
    Cookie cookie = new Cookie(COOKIE, key);
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setPath("/");
    cookie.setMaxAge(MAX_AGE_SECONDS);
    cookie.setAttribute("SameSite", "Lax");
    return cookie;
  }

  @Override
  public String toString() {
    return "cookie(" + identified + ")";
  }
}
