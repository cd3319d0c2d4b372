package io.avsb.bench;

/**
 * SHA-1 (FIPS 180-4) written in Java, returning the first 60 bits of the digest: the kit's first
 * bucketing hash, kept here as the baseline {@link Sha1Benchmark} compares the JDK digest with.
 * The caller supplies the buffer, with room for the padding, and the 80-word schedule. Stateless
 * and thread-safe; the buffers are the caller's.
 */
final class PlainSha1 {
  private PlainSha1() {}

  /** The buffer length {@link #first60Bits} needs for a message of {@code length} bytes. */
  static int paddedLength(int length) {
    return ((length + 9 + 63) / 64) * 64;
  }

  /** Hashes {@code buf[0, length)}, padding it in place, and returns the first 60 bits. */
  static long first60Bits(byte[] buf, int length, int[] w) {
    int total = paddedLength(length);
    buf[length] = (byte) 0x80;
    for (int i = length + 1; i < total - 8; i++) {
      buf[i] = 0;
    }
    long bits = (long) length * 8;
    for (int i = 0; i < 8; i++) {
      buf[total - 1 - i] = (byte) (bits >>> (8 * i));
    }
    int h0 = 0x67452301;
    int h1 = 0xEFCDAB89;
    int h2 = 0x98BADCFE;
    int h3 = 0x10325476;
    int h4 = 0xC3D2E1F0;
    for (int block = 0; block < total; block += 64) {
      for (int t = 0; t < 16; t++) {
        int p = block + t * 4;
        w[t] = (buf[p] & 0xFF) << 24 | (buf[p + 1] & 0xFF) << 16 | (buf[p + 2] & 0xFF) << 8
            | (buf[p + 3] & 0xFF);
      }
      for (int t = 16; t < 80; t++) {
        w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
      }
      int a = h0;
      int b = h1;
      int c = h2;
      int d = h3;
      int e = h4;
      for (int t = 0; t < 80; t++) {
        int f;
        int k;
        if (t < 20) {
          f = (b & c) | (~b & d);
          k = 0x5A827999;
        } else if (t < 40) {
          f = b ^ c ^ d;
          k = 0x6ED9EBA1;
        } else if (t < 60) {
          f = (b & c) | (b & d) | (c & d);
          k = 0x8F1BBCDC;
        } else {
          f = b ^ c ^ d;
          k = 0xCA62C1D6;
        }
        int temp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = Integer.rotateLeft(b, 30);
        b = a;
        a = temp;
      }
      h0 += a;
      h1 += b;
      h2 += c;
      h3 += d;
      h4 += e;
    }
    return (h0 & 0xFFFFFFFFL) << 28 | (h1 & 0xFFFFFFFFL) >>> 4;
  }
}
