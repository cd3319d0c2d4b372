package io.avsb.internal.eval;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;

/**
 * Puts a context in a bucket in [0, 1): SHA-1 over the precomputed prefix ({@code key.salt.} or
 * {@code seed.}) followed by the bucketed value, the first 15 hex digits of the digest as an
 * integer, divided by {@code 0xFFFFFFFFFFFFFFF}. The arithmetic is single-precision, as in the
 * reference SDKs, so that contexts on a bucket boundary land where they do there. Only strings
 * and integral numbers within int32 are bucketable; any other value, a missing attribute and an
 * invalid attribute reference give bucket 0 (not an error, as in the reference SDKs); a context
 * without a context of the rollout's kind gets {@link #NO_CONTEXT}. Stateless and thread-safe;
 * allocates nothing (it hashes in this thread's {@link EvalScratch}).
 */
final class Bucketing {
  private static final AttributeRef KEY = AttributeRef.ofLiteral("key");

  /** The bucket of a context that has no context of the rollout's kind. */
  static final float NO_CONTEXT = -1F;

  private static final float LONG_SCALE = (float) 0xFFFFFFFFFFFFFFFL;
  private static final int MAX_LONG_DIGITS = 20;

  private Bucketing() {}

  /**
   * The bucket of {@code context}'s context of {@code kind}, by attribute {@code by} (null for
   * the key; 0 when invalid), or {@link #NO_CONTEXT} when there is no context of that kind.
   */
  static float bucket(AvsbContext context, String kind, AttributeRef by, byte[] prefix) {
    AvsbContext c = context.individualContext(kind);
    if (c == null) {
      return NO_CONTEXT;
    }
    if (by != null && !by.isValid()) {
      return 0F;
    }
    AvsbValue value = by == null ? c.getValue(KEY) : c.getValue(by);
    return bucket(prefix, value);
  }

  /** The bucket of {@code value} hashed after {@code prefix}; 0 when it is not bucketable. */
  static float bucket(byte[] prefix, AvsbValue value) {
    Object[] s;
    byte[] buf;
    int length;
    if (value instanceof AvsbValue.Str str) {
      String text = str.value();
      s = EvalScratch.get();
      buf = EvalScratch.hashBuffer(s, prefix.length + 3 * text.length());
      System.arraycopy(prefix, 0, buf, 0, prefix.length);
      length = writeUtf8(text, buf, prefix.length);
    } else if (value instanceof AvsbValue.Num n && n.value() == (double) (int) n.value()) {
      // an int32, as the reference SDKs' isInt(): larger or fractional numbers are bucket 0
      s = EvalScratch.get();
      buf = EvalScratch.hashBuffer(s, prefix.length + MAX_LONG_DIGITS);
      System.arraycopy(prefix, 0, buf, 0, prefix.length);
      length = writeDecimal((long) value.doubleValue(), buf, prefix.length);
    } else {
      return 0F;
    }
    long first60 =
        Sha1.first60Bits(EvalScratch.digest(s), buf, length, EvalScratch.digestOut(s));
    return (float) first60 / LONG_SCALE;
  }

  /** Writes {@code text} as UTF-8 (a lone surrogate as {@code ?}); returns the end offset. */
  private static int writeUtf8(String text, byte[] buf, int pos) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        buf[pos++] = (byte) c;
      } else if (c < 0x800) {
        buf[pos++] = (byte) (0xC0 | c >> 6);
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        buf[pos++] = (byte) (0xF0 | cp >> 18);
        buf[pos++] = (byte) (0x80 | (cp >> 12 & 0x3F));
        buf[pos++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        buf[pos++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        buf[pos++] = (byte) '?';
      } else {
        buf[pos++] = (byte) (0xE0 | c >> 12);
        buf[pos++] = (byte) (0x80 | (c >> 6 & 0x3F));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return pos;
  }

  /** Writes {@code v} in decimal; returns the end offset. */
  private static int writeDecimal(long v, byte[] buf, int pos) {
    if (v == 0) {
      buf[pos] = '0';
      return pos + 1;
    }
    int start = pos;
    if (v < 0) {
      buf[pos++] = '-';
      start = pos;
    }
    // digits of the magnitude, least significant first; negative arithmetic covers Long.MIN_VALUE
    long rest = v < 0 ? v : -v;
    while (rest != 0) {
      buf[pos++] = (byte) ('0' - rest % 10);
      rest /= 10;
    }
    for (int i = start, j = pos - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
    return pos;
  }
}
