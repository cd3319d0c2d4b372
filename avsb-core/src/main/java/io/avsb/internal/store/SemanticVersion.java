package io.avsb.internal.store;

import io.avsb.AvsbValue;

/**
 * A semantic version for the {@code semVer...} operators, parsed and compared as the reference
 * SDKs do (semver 2.0 with their leniencies): a missing minor or patch number is 0 ({@code "2"}
 * is {@code 2.0.0}); major, minor and patch have no leading zero and fit a Java {@code int};
 * prerelease and build are runs of {@code [0-9A-Za-z.-]}, so empty identifiers and numeric
 * identifiers with leading zeros are accepted. Build metadata is ignored. The prerelease is kept
 * as a range of the source text. Immutable and thread-safe.
 *
 * <p>{@link #parseInto(String, long[])} parses without allocating, into a caller's array, so that
 * evaluation can compare a context's version for free.
 */
public final class SemanticVersion {
  /** The length of the array {@link #parseInto(String, long[])} fills. */
  public static final int PARSED_LENGTH = 5;
  private static final int MAJOR = 0;
  private static final int MINOR = 1;
  private static final int PATCH = 2;
  private static final int PRE_START = 3;
  private static final int PRE_END = 4;
  private static final long NOT_INT = Long.MIN_VALUE;

  private final long[] parts;
  private final String text;

  private SemanticVersion(long[] parts, String text) {
    this.parts = parts;
    this.text = text;
  }

  /** Parses a JSON string as a version; null for a non-string or an invalid version. */
  public static SemanticVersion parse(AvsbValue value) {
    long[] parts = new long[PARSED_LENGTH];
    return value instanceof AvsbValue.Str s && parseInto(s.value(), parts)
        ? new SemanticVersion(parts, s.value()) : null;
  }

  /**
   * Parses {@code s} into {@code out} (at least {@link #PARSED_LENGTH} long: major, minor, patch,
   * and the start and end of the prerelease in {@code s}, or -1); false, and {@code out}
   * unchanged, when it is not a valid version.
   */
  public static boolean parseInto(String s, long[] out) {
    int n = s.length();
    int i = numberEnd(s, 0);
    if (i < 0) {
      return false;
    }
    long maj = number(s, 0, i);
    long min = 0;
    long pat = 0;
    if (i < n && s.charAt(i) == '.') {
      int end = numberEnd(s, i + 1);
      if (end < 0) {
        return false;
      }
      min = number(s, i + 1, end);
      i = end;
      if (i < n && s.charAt(i) == '.') {
        end = numberEnd(s, i + 1);
        if (end < 0) {
          return false;
        }
        pat = number(s, i + 1, end);
        i = end;
      }
    }
    if (maj < 0 || min < 0 || pat < 0) {
      return false;
    }
    int ps = -1;
    int pe = -1;
    if (i < n && s.charAt(i) == '-') {
      ps = i + 1;
      pe = runEnd(s, ps);
      if (pe < 0) {
        return false;
      }
      i = pe;
    }
    if (i < n && s.charAt(i) == '+') {
      int be = runEnd(s, i + 1);
      if (be < 0) {
        return false;
      }
      i = be;
    }
    if (i != n) {
      return false;
    }
    out[MAJOR] = maj;
    out[MINOR] = min;
    out[PATCH] = pat;
    out[PRE_START] = ps;
    out[PRE_END] = pe;
    return true;
  }

  /** The end of a numeric component at {@code from} (no leading zero), or -1. */
  private static int numberEnd(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == from || (s.charAt(from) == '0' && i - from > 1)) {
      return -1;
    }
    return i;
  }

  /** The value of digits {@code [from, to)}, or -1 when it does not fit an {@code int}. */
  private static long number(String s, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
      if (v > Integer.MAX_VALUE) {
        return -1;
      }
    }
    return v;
  }

  /** The end of a non-empty run of {@code [0-9A-Za-z.-]} starting at {@code from}, or -1. */
  private static int runEnd(String s, int from) {
    int i = from;
    while (i < s.length() && (isIdentifierChar(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    return i == from ? -1 : i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierChar(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  }

  /** Negative, zero or positive as this version has lower, equal or higher precedence. */
  public int compareTo(SemanticVersion o) {
    return compare(parts, text, o.parts, o.text);
  }

  /**
   * Negative, zero or positive as the version parsed from {@code text} into {@code parsed} (by
   * {@link #parseInto}) has lower, equal or higher precedence than this one.
   */
  public int compareParsed(String text, long[] parsed) {
    return compare(parsed, text, parts, this.text);
  }

  private static int compare(long[] a, String aText, long[] b, String bText) {
    for (int i = MAJOR; i <= PATCH; i++) {
      if (a[i] != b[i]) {
        return Long.compare(a[i], b[i]);
      }
    }
    boolean aPre = a[PRE_START] >= 0;
    boolean bPre = b[PRE_START] >= 0;
    if (!aPre || !bPre) {
      // a version without prerelease ranks above any prerelease of it
      return Boolean.compare(!aPre, !bPre);
    }
    return comparePrerelease(aText, (int) a[PRE_START], (int) a[PRE_END], bText,
        (int) b[PRE_START], (int) b[PRE_END]);
  }

  /**
   * Compares the prerelease identifiers as the reference SDKs do: the text split at dots with
   * trailing empty identifiers dropped; an identifier is numeric when {@code Integer.parseInt}
   * accepts it (a leading {@code -} included), numeric ones compare by value and rank below the
   * others, which compare as strings; the shorter list ranks lower when all before are equal.
   */
  private static int comparePrerelease(String a, int ai, int aEnd, String b, int bi, int bEnd) {
    aEnd = trimDots(a, ai, aEnd);
    bEnd = trimDots(b, bi, bEnd);
    while (true) {
      if (ai > aEnd || bi > bEnd) {
        return Boolean.compare(ai <= aEnd, bi <= bEnd);
      }
      int aStop = identifierStop(a, ai, aEnd);
      int bStop = identifierStop(b, bi, bEnd);
      int c = compareIdentifier(a, ai, aStop, b, bi, bStop);
      if (c != 0) {
        return c;
      }
      ai = aStop + 1;
      bi = bStop + 1;
    }
  }

  /**
   * The end of {@code [from, end)} without its trailing dots, as {@code String.split} drops
   * trailing empty strings; {@code from - 1} when only dots are left (no identifiers).
   */
  private static int trimDots(String s, int from, int end) {
    while (end > from && s.charAt(end - 1) == '.') {
      end--;
    }
    return end == from ? from - 1 : end;
  }

  private static int identifierStop(String s, int from, int end) {
    int i = from;
    while (i < end && s.charAt(i) != '.') {
      i++;
    }
    return i;
  }

  private static int compareIdentifier(String a, int as, int ae, String b, int bs, int be) {
    long an = intValue(a, as, ae);
    long bn = intValue(b, bs, be);
    if (an != NOT_INT && bn != NOT_INT) {
      return Long.compare(an, bn);
    }
    if (an != NOT_INT || bn != NOT_INT) {
      return an != NOT_INT ? -1 : 1; // numeric identifiers rank below the others
    }
    return compareChars(a, as, ae, b, bs, be);
  }

  /** The identifier's value as {@code Integer.parseInt} reads it, or {@link #NOT_INT}. */
  private static long intValue(String s, int from, int to) {
    int i = from;
    boolean negative = i < to && s.charAt(i) == '-';
    if (negative) {
      i++;
    }
    if (i == to) {
      return NOT_INT;
    }
    long v = 0;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return NOT_INT;
      }
      v = v * 10 + (c - '0');
      if (v > 1L + Integer.MAX_VALUE) {
        return NOT_INT;
      }
    }
    v = negative ? -v : v;
    return v > Integer.MAX_VALUE ? NOT_INT : v;
  }

  private static int compareChars(String a, int as, int ae, String b, int bs, int be) {
    int len = Math.min(ae - as, be - bs);
    for (int k = 0; k < len; k++) {
      int c = Character.compare(a.charAt(as + k), b.charAt(bs + k));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ae - as, be - bs);
  }

  @Override
  public String toString() {
    return parts[MAJOR] + "." + parts[MINOR] + "." + parts[PATCH]
        + (parts[PRE_START] >= 0
            ? "-" + text.substring((int) parts[PRE_START], (int) parts[PRE_END]) : "");
  }
}
