package io.avsb.bench;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The ways this JVM offers to take the first 60 bits of the SHA-1 of a bucketing input
 * ({@code flagKey.salt.contextKey}), as a rollout does once per evaluation: the JDK digest reused
 * with a caller-owned output array (what {@code avsb-core} does), a new JDK digest per call (what
 * LaunchDarkly's SDK does, through commons-codec), and the plain-Java SHA-1 the kit used first.
 * Run it again with {@code -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions -XX:-UseSHA1Intrinsics"}
 * to see what the CPU's SHA instructions contribute. JMH runs it on one thread per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class Sha1Benchmark {
  /**
   * The length of the context key hashed after the flag's prefix: a short id (one 64-byte block
   * in all) and a long one (two blocks).
   */
  @Param({"9", "70"})
  public int keyLength;

  private byte[] input;
  private MessageDigest digest;
  private final byte[] out = new byte[20];
  private byte[] padded;
  private final int[] schedule = new int[80];

  /** Builds the input and checks that the three ways agree on it. */
  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    String key = "user-0001-8c2e".repeat(6).substring(0, keyLength);
    input = ("rule-rollout.rule-rollout-salt." + key).getBytes(StandardCharsets.UTF_8);
    digest = MessageDigest.getInstance("SHA-1");
    padded = new byte[PlainSha1.paddedLength(input.length)];
    long reused = jdkDigestReused();
    long fresh = jdkDigestPerCall();
    long plain = plainJava();
    if (reused != fresh || reused != plain) {
      throw new IllegalStateException("the SHA-1 variants disagree: " + Long.toHexString(reused)
          + " " + Long.toHexString(fresh) + " " + Long.toHexString(plain));
    }
  }

  /** The JDK digest kept per thread, writing into a caller-owned array: allocates nothing. */
  @Benchmark
  public long jdkDigestReused() {
    digest.update(input, 0, input.length);
    try {
      digest.digest(out, 0, 20);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    return first60(out);
  }

  /** A new JDK digest and result array per call. */
  @Benchmark
  public long jdkDigestPerCall() throws NoSuchAlgorithmException {
    return first60(MessageDigest.getInstance("SHA-1").digest(input));
  }

  /** SHA-1 written in Java over a reused padded buffer and word schedule. */
  @Benchmark
  public long plainJava() {
    System.arraycopy(input, 0, padded, 0, input.length);
    return PlainSha1.first60Bits(padded, input.length, schedule);
  }

  private static long first60(byte[] digest) {
    long first64 = 0;
    for (int i = 0; i < 8; i++) {
      first64 = first64 << 8 | (digest[i] & 0xFF);
    }
    return first64 >>> 4;
  }
}
