package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha1Test {
  /** The first 15 hex digits of the JDK's SHA-1, as a number. */
  static long reference60Bits(byte[] message) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-1").digest(message);
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format("%02x", b));
    }
    return Long.parseLong(hex.substring(0, 15), 16);
  }

  private static long ours(byte[] message) {
    byte[] buf = new byte[Sha1.paddedLength(message.length)];
    System.arraycopy(message, 0, buf, 0, message.length);
    return Sha1.first60Bits(buf, message.length, new int[80]);
  }

  @Test
  void knownVectorsMatchTheStandard() {
    // FIPS 180 examples: sha1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d
    assertThat(ours("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xa9993e364706816L);
    // sha1("") = da39a3ee5e6b4b0d3255bfef95601890afd80709
    assertThat(ours(new byte[0])).isEqualTo(0xda39a3ee5e6b4b0L);
  }

  @Test
  void everyLengthAroundBlockBoundariesMatchesMessageDigest() throws Exception {
    Random random = new Random(42);
    for (int length = 0; length <= 200; length++) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      assertThat(ours(message)).as("length %d", length).isEqualTo(reference60Bits(message));
    }
  }

  @Test
  void reusedBuffersGiveTheSameResultAsFreshOnes() throws Exception {
    byte[] buf = new byte[1024];
    int[] w = new int[80];
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      byte[] message = new byte[random.nextInt(300)];
      random.nextBytes(message);
      System.arraycopy(message, 0, buf, 0, message.length);
      assertThat(Sha1.first60Bits(buf, message.length, w)).isEqualTo(reference60Bits(message));
    }
  }
}
