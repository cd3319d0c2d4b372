package io.avsb.internal.store;

import io.avsb.AvsbValue;

/**
 * An instant for the {@code before} and {@code after} operators: epoch seconds plus nanoseconds, so
 * that RFC 3339 fractional seconds keep their full precision.
 *
 * <p>Instances made by {@link #parse(AvsbValue)} are immutable and thread-safe. An instance made
 * with {@link #scratch()} is a reusable parse target for one thread ({@link #parseInto}), so that
 * evaluation can read a context's date without allocating; it must not be shared.
 */
public final class Timestamp {
  private long seconds;
  private int nanos;

  private Timestamp() {}

  /**
   * Parses a JSON number (epoch milliseconds, truncated to whole milliseconds) or an RFC 3339
   * string with a date, a time, optional fractional seconds and a {@code Z} or {@code ±hh:mm}
   * offset. Returns null for anything else.
   */
  public static Timestamp parse(AvsbValue value) {
    Timestamp t = new Timestamp();
    return t.parseInto(value) ? t : null;
  }

  /** A mutable parse target for one thread's use with {@link #parseInto(AvsbValue)}. */
  public static Timestamp scratch() {
    return new Timestamp();
  }

  /** Parses {@code value} into this scratch instance; false (and this unchanged) if invalid. */
  public boolean parseInto(AvsbValue value) {
    if (value instanceof AvsbValue.Num n) {
      long millis = (long) n.value();
      seconds = Math.floorDiv(millis, 1000L);
      nanos = (int) Math.floorMod(millis, 1000L) * 1_000_000;
      return true;
    }
    return value instanceof AvsbValue.Str s && parseRfc3339(s.value());
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
    int c = Long.compare(seconds, other.seconds);
    return c != 0 ? c : Integer.compare(nanos, other.nanos);
  }

  private boolean parseRfc3339(String s) {
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
    seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
        - offsetSeconds;
    nanos = fraction;
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
