package io.avsb.internal.web;

import io.avsb.AvsbContext;
import io.avsb.spi.ContextResolver;
import io.avsb.spi.WebRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * The visitor-cookie policy of every adapter: keeps anonymous visitors in one experiment bucket
 * across requests. When the wrapped resolver names someone (a valid, not anonymous context), that
 * context is used. Otherwise the visitor is anonymous with the key from the cookie; a visitor
 * without a well-formed one ({@link VisitorKeys#isWellFormed}) gets a new random key in a cookie
 * kept for 400 days (the longest browsers honour), with the attributes {@link
 * WebRequest#setCookie} gives every cookie of the kit. Thread-safe.
 */
public final class VisitorCookieResolver implements ContextResolver {
  /** The cookie's name unless configured. */
  public static final String DEFAULT_NAME = "avsb_visitor";

  /** How long the browser keeps the cookie. */
  public static final Duration MAX_AGE = Duration.ofDays(400);

  private final ContextResolver identified;
  private final String name;
  private final VisitorKeys keys;

  /**
   * Prefers {@code identified}'s contexts; visitors get keys from {@code keys} in the cookie
   * {@code name}.
   *
   * @throws IllegalArgumentException when {@code name} is not a cookie name
   */
  public VisitorCookieResolver(ContextResolver identified, String name, VisitorKeys keys) {
    this.identified = Objects.requireNonNull(identified, "identified");
    this.name = requireCookieName(name, "visitorCookie");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /**
   * {@code name} when it is a cookie name (an HTTP token: no space, control or separator).
   *
   * @throws IllegalArgumentException naming {@code argument} otherwise
   */
  public static String requireCookieName(String name, String argument) {
    Objects.requireNonNull(name, argument);
    if (name.isBlank()) {
      throw new IllegalArgumentException(argument + " must not be blank");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IllegalArgumentException(argument + " must be a cookie name, was " + name);
      }
    }
    return name;
  }

  @Override
  public AvsbContext resolve(WebRequest request) {
    AvsbContext context = identified.resolve(request);
    if (context != null && context.isValid() && !context.isAnonymous()) {
      return context;
    }
    String key = request.cookie(name);
    if (!VisitorKeys.isWellFormed(key)) {
      key = keys.next();
      request.setCookie(name, key, MAX_AGE);
    }
    return AnonymousContexts.visitor(key);
  }

  @Override
  public String toString() {
    return "visitorCookie(" + identified + ")";
  }
}
