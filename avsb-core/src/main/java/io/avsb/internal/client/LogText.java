package io.avsb.internal.client;

/**
 * Makes caller-supplied text (flag keys, event keys) safe for a log line: control characters
 * escaped, so no line can be forged, and long text cut short. Thread-safe.
 */
final class LogText {
  private static final int MAX = 120;

  private LogText() {}

  static String of(String text) {
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
