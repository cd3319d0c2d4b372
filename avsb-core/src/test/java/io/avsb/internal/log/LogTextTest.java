package io.avsb.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {
  @Test
  void controlCharactersAreEscapedSoNoLineCanBeForged() {
    assertThat(LogText.of("a\nWARN fake\r")).isEqualTo("\"a\\u000aWARN fake\\u000d\"");
  }

  @Test
  void longTextIsCut() {
    assertThat(LogText.of("x".repeat(500))).hasSize(120 + 5);
  }

  @Test
  void nullIsShownAsNull() {
    assertThat(LogText.of(null)).isEqualTo("null");
  }
}
