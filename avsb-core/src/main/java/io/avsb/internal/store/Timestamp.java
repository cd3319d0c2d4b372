package io.avsb.internal.store;

import io.avsb.AvsbValue;

/**
 * An instant for the {@code before} and {@code after} operators: epoch seconds plus nanoseconds, so
 * that RFC 3339 fractional seconds keep their full precision. Immutable and thread-safe.
 *
 * <p>{@link #parseInto(AvsbValue, long[])} parses without allocating, into a caller's array, so
 * that evaluation can read a context's date for free.
 */
public final class Timestamp {
  private final long seconds;
  private final int nanos;

  private Timestamp(long seconds, int nanos) {
    this.seconds = seconds;
    this.nanos = nanos;
  }

  /**
   * Parses a JSON number (epoch milliseconds, truncated to whole milliseconds) or an RFC 3339
   * string with a date, a time, optional fractional seconds and a {@code Z} or {@code ±hh:mm}
   * offset. Returns null for anything else.
   */
  public static Timestamp parse(AvsbValue value) {
    long[] parsed = new long[2];
    return parseInto(value, parsed) ? new Timestamp(parsed[0], (int) parsed[1]) : null;
  }

  /**
   * Parses {@code value} as {@link #parse(AvsbValue)} does into {@code out[0]} (epoch seconds)
   * and {@code out[1]} (nanoseconds); false, and {@code out} unchanged, when it is not a date.
   */
  public static boolean parseInto(AvsbValue value, long[] out) {
    if (value instanceof AvsbValue.Num n) {
      long millis = (long) n.value();
      out[0] = Math.floorDiv(millis, 1000L);
      out[1] = Math.floorMod(millis, 1000L) * 1_000_000L;
      return true;
    }
    return value instanceof AvsbValue.Str s && parseRfc3339(s.value(), out);
  }

  /** Epoch seconds. */
  public long seconds() {
    return seconds;
  }

  /** Nanoseconds within the second, 0 to 999,999,999. */
  public int nanos() {
    return nanos;
  }

  /** Negative, zero or positive as this instant is before, equal to or after {@code other}. */
  public int compareTo(Timestamp other) {
    return compare(seconds, nanos, other.seconds, other.nanos);
  }

  /**
   * Negative, zero or positive as the instant {@code parsed} (as {@link #parseInto} leaves it) is
   * before, equal to or after this one.
   */
  public int compareParsed(long[] parsed) {
    return compare(parsed[0], parsed[1], seconds, nanos);
  }

  private static int compare(long s1, long n1, long s2, long n2) {
    int c = Long.compare(s1, s2);
    return c != 0 ? c : Long.compare(n1, n2);
  }

  private static boolean parseRfc3339(String s, long[] out) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-' || s.charAt(7) != '-'
        || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return false;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return false;
    }
    int i = 19;
    int fraction = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        if (i - start < 9) {
          fraction = fraction * 10 + (s.charAt(i) - '0');
        }
        i++;
      }
      int count = i - start;
      if (count == 0) {
        return false;
      }
      for (int k = count; k < 9; k++) {
        fraction *= 10;
      }
    }
    if (i >= n) {
      return false;
    }
    int offsetSeconds;
    char z = s.charAt(i);
    if (z == 'Z' || z == 'z') {
      offsetSeconds = 0;
      i++;
    } else if ((z == '+' || z == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) {
        return false;
      }
      offsetSeconds = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
      i += 6;
    } else {
      return false;
    }
    if (i != n) {
      return false;
    }
    out[0] = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
        - offsetSeconds;
    out[1] = fraction;
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number in {@code count} digits at {@code from}, or -1 if any is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4: case 6: case 9: case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
  private static long epochDay(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    int shiftedMonth = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  @Override
  public String toString() {
    return seconds + "s+" + nanos + "ns";
  }
}
