package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.internal.web.AnonymousContexts;
import io.avsb.internal.web.VisitorKeys;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.Objects;

/**
 * The sticky anonymous-visitor cookie: a request without an identity gets the visitor key from
 * its cookie, or a new key that the response then sets (HttpOnly, SameSite=Lax, Secure when the
 * request was, path {@code /}, kept 400 days, as the servlet filter's cookie), so the visitor
 * keeps one experiment bucket across requests. A cookie value that is not an issued key's shape
 * is replaced. Thread-safe.
 */
public final class VisitorCookie {
  /** The cookie name used when none is configured. */
  public static final String DEFAULT_NAME = "avsb_visitor";

  private static final String PENDING = VisitorCookie.class.getName() + ".pending";
  private static final int MAX_AGE_SECONDS = (int) Duration.ofDays(400).toSeconds();

  private final String name;
  private final VisitorKeys keys;

  /** A cookie called {@code name} holding keys from {@code keys}. */
  public VisitorCookie(String name, VisitorKeys keys) {
    this.name = Objects.requireNonNull(name, "name");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** The cookie's name. */
  public String name() {
    return name;
  }

  /** The visitor's anonymous context; issues a key (set on the response) when it has none. */
  public AvsbContext visitor(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(name);
    String key = cookie == null ? null : cookie.getValue();
    if (!VisitorKeys.isWellFormed(key)) {
      key = keys.next();
      request.setProperty(PENDING, newCookie(key, request.getSecurityContext().isSecure()));
    }
    return AnonymousContexts.visitor(key);
  }

  /** Adds the cookie issued while the request was resolved, if any, to the response. */
  public static void issue(ContainerRequestContext request, ContainerResponseContext response) {
    Object pending = request.getProperty(PENDING);
    if (pending instanceof NewCookie cookie) {
      request.removeProperty(PENDING);
      response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
    }
  }

  private NewCookie newCookie(String key, boolean secure) {
    return new NewCookie.Builder(name)
        .value(key)
        .path("/")
        .maxAge(MAX_AGE_SECONDS)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }
}
