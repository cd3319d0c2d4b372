package io.avsb.internal.http;

/** Masks an SDK key for log lines. Stateless and thread-safe. */
public final class KeyMask {
  private KeyMask() {}

  /**
   * The key as {@code ****abcd}: at most its last four characters, fewer for a short key so that at
   * least four stay hidden; {@code (none)} for null.
   */
  public static String mask(String sdkKey) {
    if (sdkKey == null) {
      return "(none)";
    }
    int shown = Math.max(0, Math.min(4, sdkKey.length() - 4));
    return "****" + sdkKey.substring(sdkKey.length() - shown);
  }
}
