package io.avsb.internal.store;

import io.avsb.AvsbValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An instant for the {@code before} and {@code after} operators: epoch seconds plus nanoseconds, so
 * that fractional seconds keep their full precision. Immutable and thread-safe.
 *
 * <p>Strings are read as the reference SDKs read them, with {@code ZonedDateTime.parse}: ISO-8601
 * date and time with an offset and an optional zone ID in brackets. {@link #parseInto(AvsbValue,
 * long[])} follows that grammar without allocating, into a caller's array, so that evaluation can
 * read a context's date for free.
 */
public final class Timestamp {
  private static final long MAX_YEAR = 999_999_999L;
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;
  private static final long NO_OFFSET = -1L;
  /** The JDK's region zone IDs, sorted, for the zone in brackets. */
  private static final String[] ZONE_IDS = ZoneId.getAvailableZoneIds().stream().sorted()
      .toArray(String[]::new);

  private final long seconds;
  private final int nanos;

  private Timestamp(long seconds, int nanos) {
    this.seconds = seconds;
    this.nanos = nanos;
  }

  /**
   * Parses a JSON number (epoch milliseconds, truncated to whole milliseconds) or a string as
   * {@code ZonedDateTime.parse} does: {@code yyyy-MM-dd'T'HH:mm[:ss[.fffffffff]]} (a year of more
   * than 4 digits with a sign, {@code T} in either case), then {@code Z} (either case) or {@code
   * ±HH[:MM[:SS]]} up to 18 hours, then optionally a zone ID in brackets ({@code [Europe/London]},
   * {@code [UTC+01:00]}), which must be valid but does not move the instant. Returns null for
   * anything else.
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
    return value instanceof AvsbValue.Str s && parseDateTime(s.value(), out);
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

  private static boolean parseDateTime(String s, long[] out) {
    int n = s.length();
    // year: exactly 4 digits unsigned; a sign for more (up to 10); "-0000" is not a year
    int i = 0;
    char sign = n > 0 ? s.charAt(0) : 0;
    if (sign == '+' || sign == '-') {
      i++;
    }
    int yearStart = i;
    while (i < n && i - yearStart < 10 && isDigit(s.charAt(i))) {
      i++;
    }
    int yearDigits = i - yearStart;
    if (yearDigits < 4 || (sign == '+' ? yearDigits == 4 : sign != '-' && yearDigits > 4)) {
      return false;
    }
    long year = longDigits(s, yearStart, yearDigits);
    if (year > MAX_YEAR || (sign == '-' && year == 0)) {
      return false;
    }
    year = sign == '-' ? -year : year;
    // -MM-ddTHH:mm
    if (i + 12 > n || s.charAt(i) != '-' || s.charAt(i + 3) != '-'
        || (s.charAt(i + 6) != 'T' && s.charAt(i + 6) != 't') || s.charAt(i + 9) != ':') {
      return false;
    }
    int month = digits(s, i + 1, 2);
    int day = digits(s, i + 4, 2);
    int hour = digits(s, i + 7, 2);
    int minute = digits(s, i + 10, 2);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return false;
    }
    i += 12;
    int second = 0;
    int fraction = 0;
    if (i + 2 < n && s.charAt(i) == ':' && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2))) {
      second = digits(s, i + 1, 2);
      if (second > 59) {
        return false;
      }
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        // zero to nine digits
        int start = ++i;
        while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
          fraction = fraction * 10 + (s.charAt(i) - '0');
          i++;
        }
        for (int k = i - start; k < 9; k++) {
          fraction *= 10;
        }
      }
    }
    if (i >= n) {
      return false;
    }
    long offsetSeconds;
    char z = s.charAt(i);
    if (z == 'Z' || z == 'z') {
      offsetSeconds = 0;
      i++;
    } else if (z == '+' || z == '-') {
      long offset = offset(s, i, n, true);
      if (offset == NO_OFFSET) {
        return false;
      }
      i = (int) (offset >>> 32);
      offsetSeconds = (z == '-' ? -1 : 1) * (int) offset;
    } else {
      return false;
    }
    if (i < n) {
      if (!(s.charAt(i) == '[' && s.charAt(n - 1) == ']' && isZoneId(s, i + 1, n - 1))) {
        return false;
      }
      if (year <= -MAX_YEAR || year >= MAX_YEAR) {
        // at the ends of the year range the zone's own offset can push the local time out of
        // range; only the JDK knows the zone's rules there (this allocates, on absurd input only)
        return parseWithJdk(s, out);
      }
    }
    out[0] = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
        - offsetSeconds;
    out[1] = fraction;
    return true;
  }

  private static boolean parseWithJdk(String s, long[] out) {
    try {
      Instant instant = ZonedDateTime.parse(s).toInstant();
      out[0] = instant.getEpochSecond();
      out[1] = instant.getNano();
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * The offset {@code ±HH[:MM[:SS]]} at {@code from} (its sign there): the end index in the high
   * 32 bits and the magnitude in seconds in the low ones, or {@link #NO_OFFSET}. {@code lenient}
   * (the offset after the time) accepts hours alone and stops before what does not continue the
   * offset; otherwise (in a zone ID) the minutes are required and the offset must reach {@code
   * end}. Hours above 23, minutes or seconds above 59 and offsets above 18 hours are invalid.
   */
  private static long offset(String s, int from, int end, boolean lenient) {
    int i = from + 1;
    int hours = i + 2 <= end ? digits(s, i, 2) : -1;
    if (hours < 0 || hours > 23) {
      return NO_OFFSET;
    }
    i += 2;
    int minutes = 0;
    int seconds = 0;
    if (i + 3 <= end && s.charAt(i) == ':' && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2))
        && digits(s, i + 1, 2) <= 59) {
      minutes = digits(s, i + 1, 2);
      i += 3;
      if (i + 3 <= end && s.charAt(i) == ':' && isDigit(s.charAt(i + 1))
          && isDigit(s.charAt(i + 2)) && digits(s, i + 1, 2) <= 59) {
        seconds = digits(s, i + 1, 2);
        i += 3;
      }
    } else if (!lenient) {
      return NO_OFFSET;
    }
    int total = hours * 3600 + minutes * 60 + seconds;
    if (total > MAX_OFFSET_SECONDS || (!lenient && i != end)) {
      return NO_OFFSET;
    }
    return (long) i << 32 | total;
  }

  /**
   * Whether {@code s[from, to)} is a zone ID as {@code ZonedDateTime.parse} takes it in brackets:
   * an offset, {@code UTC}, {@code GMT} or {@code UT} alone or followed by an offset, {@code GMT0},
   * {@code Z}, or one of the JDK's region IDs (case-sensitive).
   */
  private static boolean isZoneId(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    char c = s.charAt(from);
    if (c == '+' || c == '-') {
      return offset(s, from, to, false) != NO_OFFSET;
    }
    int prefix = s.startsWith("UTC", from) ? 3 : s.startsWith("UT", from) ? 2
        : s.startsWith("GMT", from) ? 3 : 0;
    if (prefix > 0) {
      int rest = from + prefix;
      if (rest == to || (prefix == 3 && c == 'G' && rest + 1 == to && s.charAt(rest) == '0')) {
        return true;
      }
      char next = s.charAt(rest);
      return (next == '+' || next == '-') && offset(s, rest, to, false) != NO_OFFSET;
    }
    if (c == 'Z' && to == from + 1) {
      return true;
    }
    int lo = 0;
    int hi = ZONE_IDS.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = compareRange(ZONE_IDS[mid], s, from, to);
      if (cmp == 0) {
        return true;
      }
      if (cmp < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return false;
  }

  /** {@code id.compareTo(s.substring(from, to))} without the substring. */
  private static int compareRange(String id, String s, int from, int to) {
    int len = Math.min(id.length(), to - from);
    for (int k = 0; k < len; k++) {
      int c = Character.compare(id.charAt(k), s.charAt(from + k));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(id.length(), to - from);
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

  private static long longDigits(String s, int from, int count) {
    long v = 0;
    for (int i = from; i < from + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static int daysInMonth(long year, int month) {
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
