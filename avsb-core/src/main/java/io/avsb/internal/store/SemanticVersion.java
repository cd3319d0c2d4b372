package io.avsb.internal.store;

import io.avsb.AvsbValue;

/**
 * A semantic version (semver 2.0) for the {@code semVer...} operators, parsed leniently: a missing
 * minor or patch number is 0 ({@code "2"} is {@code 2.0.0}, {@code "2.1-rc"} is {@code
 * 2.1.0-rc}). Build metadata is accepted and ignored. The prerelease is kept as a range of the
 * source text. Immutable and thread-safe.
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
      pe = identifiersEnd(s, ps, true);
      if (pe < 0) {
        return false;
      }
      i = pe;
    }
    if (i < n && s.charAt(i) == '+') {
      int be = identifiersEnd(s, i + 1, false);
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

  /** The value of digits {@code [from, to)}, or -1 when it overflows a long. */
  private static long number(String s, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = s.charAt(i) - '0';
      if (v > (Long.MAX_VALUE - d) / 10) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * The end of dot-separated identifiers of {@code [0-9A-Za-z-]} starting at {@code from}, or -1
   * when one is empty or (for a prerelease) numeric with a leading zero.
   */
  private static int identifiersEnd(String s, int from, boolean prerelease) {
    int n = s.length();
    int start = from;
    int i = from;
    while (true) {
      boolean numeric = true;
      while (i < n && isIdentifierChar(s.charAt(i))) {
        numeric &= isDigit(s.charAt(i));
        i++;
      }
      if (i == start || (prerelease && numeric && i - start > 1 && s.charAt(start) == '0')) {
        return -1;
      }
      if (i < n && s.charAt(i) == '.') {
        start = ++i;
        continue;
      }
      return i;
    }
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

  private static int comparePrerelease(String a, int ai, int aEnd, String b, int bi, int bEnd) {
    while (true) {
      if (ai >= aEnd || bi >= bEnd) {
        // the shorter list of identifiers ranks lower when all before are equal
        return Boolean.compare(ai < aEnd, bi < bEnd);
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

  private static int identifierStop(String s, int from, int end) {
    int i = from;
    while (i < end && s.charAt(i) != '.') {
      i++;
    }
    return i;
  }

  private static int compareIdentifier(String a, int as, int ae, String b, int bs, int be) {
    boolean aNum = allDigits(a, as, ae);
    boolean bNum = allDigits(b, bs, be);
    if (aNum && bNum) {
      // no leading zeros, so the longer number is the larger
      if (ae - as != be - bs) {
        return Integer.compare(ae - as, be - bs);
      }
      return compareChars(a, as, ae, b, bs, be);
    }
    if (aNum != bNum) {
      return aNum ? -1 : 1; // numeric identifiers rank below alphanumeric ones
    }
    return compareChars(a, as, ae, b, bs, be);
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
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
