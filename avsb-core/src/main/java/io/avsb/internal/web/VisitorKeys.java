package io.avsb.internal.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Issues random keys for anonymous visitors, so that a visitor without an account stays in the
 * same experiment bucket across requests. A key is 128 bits from {@link SecureRandom}, encoded as
 * 22 URL-safe Base64 characters without padding: safe in a cookie value, a URL and a log. Thread-
 * safe ({@code SecureRandom} is).
 */
public final class VisitorKeys {
  /** The length of every key. */
  public static final int LENGTH = 22;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random;

  /** Keys from a new {@link SecureRandom}. */
  public VisitorKeys() {
    this(new SecureRandom());
  }

  /** Keys from {@code random} (a test seam). */
  public VisitorKeys(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A new random key. */
  public String next() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  /**
   * True when {@code key} has the shape of an issued key: {@value #LENGTH} characters from the
   * URL-safe Base64 alphabet. A cookie that fails this is replaced rather than trusted.
   */
  public static boolean isWellFormed(String key) {
    if (key == null || key.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = key.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
