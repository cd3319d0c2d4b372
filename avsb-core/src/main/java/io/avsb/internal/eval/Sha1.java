package io.avsb.internal.eval;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-1 over a byte buffer, returning only the first 60 bits of the digest (the first 15 hex
 * digits, as bucketing uses them). It uses the JDK's {@link MessageDigest}, which HotSpot runs on
 * the CPU's SHA instructions where there are any, with a caller-supplied digest instance and
 * output array so that hashing allocates nothing. Stateless and thread-safe; the digest and
 * arrays are the caller's.
 */
final class Sha1 {
  /** The digest length in bytes. */
  static final int DIGEST_LENGTH = 20;

  private Sha1() {}

  /** A new SHA-1 digest; every Java platform has one. */
  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks SHA-1, which it must provide", e);
    }
  }

  /**
   * Hashes {@code buf[0, length)} with {@code md} (left reset) into {@code out} (at least {@link
   * #DIGEST_LENGTH} bytes) and returns the first 60 bits of the digest.
   */
  static long first60Bits(MessageDigest md, byte[] buf, int length, byte[] out) {
    md.update(buf, 0, length);
    try {
      md.digest(out, 0, DIGEST_LENGTH);
    } catch (DigestException e) {
      throw new IllegalArgumentException("out must hold " + DIGEST_LENGTH + " bytes", e);
    }
    long first64 = 0;
    for (int i = 0; i < 8; i++) {
      first64 = first64 << 8 | (out[i] & 0xFF);
    }
    return first64 >>> 4;
  }
}
