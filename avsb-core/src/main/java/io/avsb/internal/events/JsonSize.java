package io.avsb.internal.events;

import io.avsb.AvsbValue;
import java.util.List;
import java.util.Map;

/**
 * Estimates the size in bytes of a value's compact JSON form without writing it, so that an event
 * can be weighed on the caller's thread: exact for strings, literals and integers as {@link
 * EventJsonWriter} writes them (UTF-8, Jackson's escapes), an upper bound for other numbers. The walk stops as soon as the estimate passes the
 * caller's limit, so its cost is bounded by the limit whatever the value; a value nested deeper
 * than the JSON writer allows has the size {@link #TOO_DEEP}. Stateless and thread-safe.
 */
final class JsonSize {
  /** As deep as the JSON writer goes; deeper values cannot be sent. */
  static final int MAX_DEPTH = 1_000;
  /** The size of a value nested deeper than {@link #MAX_DEPTH}: above any limit. */
  static final long TOO_DEEP = Long.MAX_VALUE;
  private static final int MAX_NUMBER = 24;

  private JsonSize() {}

  /**
   * The estimated size of {@code value}, a number above {@code limit} once it passes it, or {@link
   * #TOO_DEEP}.
   */
  static long of(AvsbValue value, long limit) {
    return add(0, value, limit, 0);
  }

  /**
   * The size of {@code s} as a JSON string (quotes, UTF-8 bytes and escapes), or a number above
   * {@code limit} once it passes it. Counts what the event writer's generator emits: a newline,
   * tab, carriage return, backspace or form feed as two bytes (backslash and letter), other
   * control characters as a six-byte escape, a surrogate pair as the 4 UTF-8 bytes of its code
   * point, a lone surrogate as the one byte {@code ?}.
   */
  static long ofString(String s, long limit) {
    long n = 2;
    int length = s.length();
    for (int i = 0; i < length && n <= limit; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        n += 2;
      } else if (c < 0x20) {
        n += c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
      } else if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (!Character.isSurrogate(c)) {
        n += 3;
      } else if (Character.isHighSurrogate(c) && i + 1 < length
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 1;
      }
    }
    return n;
  }

  private static int digits(long v) {
    int n = v < 0 ? 2 : 1;
    for (long x = Math.abs(v); x >= 10; x /= 10) {
      n++;
    }
    return n;
  }

  private static long add(long size, AvsbValue value, long limit, int depth) {
    if (size > limit) {
      return size;
    }
    if (value instanceof AvsbValue.Str s) {
      return size + ofString(s.value(), limit - size);
    }
    if (value instanceof AvsbValue.Num n) {
      double d = n.value();
      return size + (d == Math.rint(d) && Math.abs(d) < 1e15 ? digits((long) d) : MAX_NUMBER);
    }
    if (value instanceof AvsbValue.Bool b) {
      return size + (b.value() ? 4 : 5);
    }
    if (!(value instanceof AvsbValue.Arr) && !(value instanceof AvsbValue.Obj)) {
      return size + 4;
    }
    if (depth >= MAX_DEPTH) {
      return TOO_DEEP;
    }
    long n = size + 2;
    if (value instanceof AvsbValue.Arr a) {
      List<AvsbValue> values = a.values();
      for (int i = 0; i < values.size() && n <= limit; i++) {
        n = add(n + (i > 0 ? 1 : 0), values.get(i), limit, depth + 1);
      }
      return n;
    }
    boolean first = true;
    for (Map.Entry<String, AvsbValue> e : ((AvsbValue.Obj) value).values().entrySet()) {
      if (n > limit) {
        break;
      }
      n += (first ? 0 : 1) + ofString(e.getKey(), limit - n) + 1;
      first = false;
      n = add(n, e.getValue(), limit, depth + 1);
    }
    return n;
  }
}
