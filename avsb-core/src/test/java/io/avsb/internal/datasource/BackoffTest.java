package io.avsb.internal.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void delaysDoubleFromTheBaseUpToThirtySeconds() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), () -> 0.0);

    assertThat(delays(backoff, 7)).containsExactly(secs(1), secs(2), secs(4), secs(8), secs(16), secs(30), secs(30));
  }

  @Test
  void jitterSubtractsUpToHalfTheDelay() {
    Backoff most = new Backoff(Duration.ofSeconds(1), () -> 1.0);
    Backoff half = new Backoff(Duration.ofSeconds(1), () -> 0.5);

    assertThat(delays(most, 7))
        .containsExactly(millis(500), secs(1), secs(2), secs(4), secs(8), secs(15), secs(15));
    assertThat(delays(half, 3)).containsExactly(millis(750), millis(1500), secs(3));
  }

  @Test
  void randomJitterStaysWithinHalfToFullDelay() {
    Random random = new Random(42);
    Backoff backoff = new Backoff(Duration.ofSeconds(1), random::nextDouble);
    long[] full = {1, 2, 4, 8, 16, 30, 30, 30};
    List<Duration> delays = delays(backoff, full.length);
    for (int i = 0; i < full.length; i++) {
      Duration d = secs(full[i]);
      assertThat(delays.get(i)).isBetween(d.dividedBy(2), d);
    }
    assertThat(delays).doesNotHaveDuplicates();
  }

  @Test
  void delaysStartOverAfterSixtySecondsHealthy() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), () -> 0.0);
    delays(backoff, 4);

    backoff.connected(T0);

    assertThat(backoff.nextDelay(T0.plusSeconds(60))).isEqualTo(secs(1));
    assertThat(backoff.nextDelay(T0.plusSeconds(61))).isEqualTo(secs(2));
  }

  @Test
  void shortHealthyConnectionDoesNotResetTheDelays() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), () -> 0.0);
    delays(backoff, 3);

    backoff.connected(T0);

    assertThat(backoff.nextDelay(T0.plusSeconds(59))).isEqualTo(secs(8));
  }

  @Test
  void healthyPeriodCountsOnlyForTheConnectionItFollows() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), () -> 0.0);
    backoff.connected(T0);
    backoff.nextDelay(T0.plusSeconds(1));

    assertThat(backoff.nextDelay(T0.plusSeconds(120))).isEqualTo(secs(2));
  }

  @Test
  void baseAboveTheCapIsUsedAsIs() {
    Backoff backoff = new Backoff(Duration.ofSeconds(45), () -> 0.0);

    assertThat(delays(backoff, 2)).containsExactly(secs(45), secs(45));
  }

  @Test
  void manyFailuresNeverOverflow() {
    Backoff backoff = new Backoff(Duration.ofMillis(1), () -> 0.0);

    assertThat(delays(backoff, 200).get(199)).isEqualTo(secs(30));
  }

  @Test
  void rejectsNonPositiveBase() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base");
  }

  private static List<Duration> delays(Backoff backoff, int n) {
    List<Duration> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(backoff.nextDelay(T0));
    }
    return out;
  }

  private static Duration secs(long s) {
    return Duration.ofSeconds(s);
  }

  private static Duration millis(long ms) {
    return Duration.ofMillis(ms);
  }
}
