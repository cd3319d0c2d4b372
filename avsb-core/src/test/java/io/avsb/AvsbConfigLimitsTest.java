package io.avsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AvsbConfigLimitsTest {
  @Test
  void defaultsAreSixtyFourMebibytesAndOneMinute() {
    AvsbConfig config = AvsbConfig.builder("k").build();

    assertThat(config.maxDataBytes()).isEqualTo(64 * 1024 * 1024);
    assertThat(config.pollTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void settingsAreKept() {
    AvsbConfig config = AvsbConfig.builder("k").maxDataBytes(1024).pollTimeout(Duration.ofSeconds(5)).build();

    assertThat(config.maxDataBytes()).isEqualTo(1024);
    assertThat(config.pollTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void badValuesAreRejectedAtOnceNamingTheArgument() {
    AvsbConfig.Builder b = AvsbConfig.builder("k");

    assertThatThrownBy(() -> b.maxDataBytes(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDataBytes must be from 1 to 1073741824, was 0");
    assertThatThrownBy(() -> b.maxDataBytes((1 << 30) + 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxDataBytes must be from 1 to");
    assertThatThrownBy(() -> b.pollTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> b.pollTimeout(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("pollTimeout");
  }
}
