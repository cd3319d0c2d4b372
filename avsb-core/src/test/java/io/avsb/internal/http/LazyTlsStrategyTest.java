package io.avsb.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.Test;

class LazyTlsStrategyTest {
  private final AtomicInteger made = new AtomicInteger();
  private final AtomicInteger upgrades = new AtomicInteger();
  private final TlsSocketStrategy real = (socket, target, port, attachment, context) -> {
    upgrades.incrementAndGet();
    return null;
  };

  @Test
  void theStrategyIsMadeOnTheFirstUpgradeOnlyAndKept() throws IOException {
    LazyTlsStrategy lazy = new LazyTlsStrategy(() -> {
      made.incrementAndGet();
      return real;
    });
    assertThat(made).hasValue(0);
    lazy.upgrade(null, "example.com", 443, null, null);
    lazy.upgrade(null, "example.com", 443, null, null);
    assertThat(made).hasValue(1);
    assertThat(upgrades).hasValue(2);
  }

  @Test
  void aStrategyThatCannotBeMadeFailsTheConnectionAndIsTriedAgain() throws IOException {
    LazyTlsStrategy lazy = new LazyTlsStrategy(() -> {
      if (made.incrementAndGet() == 1) {
        throw new IllegalStateException("no trust store");
      }
      return real;
    });
    assertThatThrownBy(() -> lazy.upgrade(null, "example.com", 443, null, null))
        .isInstanceOf(IOException.class).hasMessageContaining("no trust store");
    lazy.upgrade(null, "example.com", 443, null, null);
    assertThat(made).hasValue(2);
    assertThat(upgrades).hasValue(1);
  }
}
