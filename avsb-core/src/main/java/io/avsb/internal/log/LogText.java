package io.avsb.internal.log;

/**
 * Makes service- or caller-supplied text (flag keys, event keys, patch paths, error text) safe for
 * a log line or a status message: control characters escaped, so no line can be forged, and long
 * text cut short. The one escaping helper of the kit: every such string goes through it. Stateless
 * and thread-safe.
 */
public final class LogText {
  private static final int MAX = 120;

  private LogText() {}

  /** The text quoted, with control characters escaped and cut after 120 characters. */
  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX) + 8).append('"');
    for (int i = 0; i < text.length() && i < MAX; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (text.length() > MAX) {
      b.append("...");
    }
    return b.append('"').toString();
  }
}
