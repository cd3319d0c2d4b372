package io.avsb.internal.web;

/**
 * Checks text that arrives from a client (a header value, a principal name) before it becomes
 * part of a context. Stateless and thread-safe.
 *
 * <p>A value is accepted when it has at most {@link #MAX_LENGTH} characters and every code point
 * is printable: no ISO control character (C0, DEL, C1: this covers CR, LF, TAB and ESC), and none
 * of the Unicode format (such as bidi overrides and zero-width characters), private-use,
 * unassigned, unpaired-surrogate, line-separator or paragraph-separator characters. Surrounding
 * spaces are trimmed; a value that is then empty counts as absent. The length bound is checked on
 * the raw value first, so an oversized value is rejected without being scanned.
 */
public final class UntrustedText {
  /** The longest accepted value, in UTF-16 characters. */
  public static final int MAX_LENGTH = 256;

  /** Why a value was rejected. */
  public enum Rejection {
    /** Longer than {@link #MAX_LENGTH} characters. */
    TOO_LONG("longer than " + MAX_LENGTH + " characters"),
    /** Holds a control character such as CR, LF, TAB or ESC. */
    CONTROL_CHARACTER("contains a control character"),
    /** Holds a format, private-use, unassigned, separator or broken surrogate character. */
    UNPRINTABLE("contains a character that is not printable");

    private final String description;

    Rejection(String description) {
      this.description = description;
    }

    /** A short phrase for log lines. */
    public String description() {
      return description;
    }
  }

  /**
   * The outcome of a check: an accepted value, an absent one, or a rejection.
   *
   * @param value the trimmed value when accepted, otherwise null
   * @param rejection why the value was rejected, or null
   * @param length the raw value's length (0 when absent), for log lines that must not show it
   */
  public record Verdict(String value, Rejection rejection, int length) {
    private static final Verdict ABSENT = new Verdict(null, null, 0);

    /** True when a value was present and accepted. */
    public boolean accepted() {
      return value != null;
    }

    /** True when a value was present and rejected. */
    public boolean rejected() {
      return rejection != null;
    }
  }

  private UntrustedText() {}

  /** Checks {@code raw}; null, empty and blank values are absent. */
  public static Verdict check(String raw) {
    if (raw == null) {
      return Verdict.ABSENT;
    }
    if (raw.length() > MAX_LENGTH) {
      return new Verdict(null, Rejection.TOO_LONG, raw.length());
    }
    for (int i = 0; i < raw.length(); ) {
      char c = raw.charAt(i);
      // printable ASCII (space to tilde) is never rejected: the common case needs no table look-up
      if (c >= ' ' && c <= '~') {
        i++;
        continue;
      }
      int cp = raw.codePointAt(i);
      Rejection r = judge(cp);
      if (r != null) {
        return new Verdict(null, r, raw.length());
      }
      i += Character.charCount(cp);
    }
    String trimmed = raw.strip();
    return trimmed.isEmpty() ? Verdict.ABSENT : new Verdict(trimmed, null, raw.length());
  }

  private static Rejection judge(int cp) {
    if (Character.isISOControl(cp)) {
      return Rejection.CONTROL_CHARACTER;
    }
    switch (Character.getType(cp)) {
      case Character.FORMAT:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.SURROGATE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return Rejection.UNPRINTABLE;
      default:
        return null;
    }
  }
}
