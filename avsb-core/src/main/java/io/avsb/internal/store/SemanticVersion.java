package io.avsb.internal.store;

import io.avsb.AvsbValue;

/**
 * A semantic version (semver 2.0) for the {@code semVer...} operators, parsed leniently: a missing
 * minor or patch number is 0 ({@code "2"} is {@code 2.0.0}, {@code "2.1-rc"} is {@code
 * 2.1.0-rc}). Build metadata is accepted and ignored. The prerelease is kept as a range of the
 * source text, so parsing allocates nothing.
 *
 * <p>Instances made by {@link #parse(AvsbValue)} are immutable and thread-safe. An instance made
 * with {@link #scratch()} is a reusable parse target for one thread ({@link #parseInto}); it must
 * not be shared.
 */
public final class SemanticVersion {
  private long major;
  private long minor;
  private long patch;
  private String text;
  private int preStart;
  private int preEnd;

  private SemanticVersion() {}

  /** Parses a JSON string as a version; null for a non-string or an invalid version. */
  public static SemanticVersion parse(AvsbValue value) {
    SemanticVersion v = new SemanticVersion();
    return v.parseInto(value) ? v : null;
  }

  /** A mutable parse target for one thread's use with {@link #parseInto(AvsbValue)}. */
  public static SemanticVersion scratch() {
    return new SemanticVersion();
  }

  /** Parses {@code value} into this scratch instance; false if it is not a valid version. */
  public boolean parseInto(AvsbValue value) {
    return value instanceof AvsbValue.Str s && parseText(s.value());
  }

  private boolean parseText(String s) {
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
    major = maj;
    minor = min;
    patch = pat;
    text = s;
    preStart = ps;
    preEnd = pe;
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
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    boolean hasPre = preStart >= 0;
    boolean otherHasPre = o.preStart >= 0;
    if (!hasPre || !otherHasPre) {
      // a version without prerelease ranks above any prerelease of it
      return Boolean.compare(!hasPre, !otherHasPre);
    }
    return comparePrerelease(text, preStart, preEnd, o.text, o.preStart, o.preEnd);
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
    return major + "." + minor + "." + patch
        + (preStart >= 0 ? "-" + text.substring(preStart, preEnd) : "");
  }
}
