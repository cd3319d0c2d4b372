package io.avsb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitorKeysTest {
  @Test
  void keysAreWellFormedAndDistinct() {
    VisitorKeys keys = new VisitorKeys();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String k = keys.next();
      assertThat(k).hasSize(VisitorKeys.LENGTH).matches("[A-Za-z0-9_-]{22}");
      assertThat(VisitorKeys.isWellFormed(k)).isTrue();
      seen.add(k);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void foreignValuesAreNotWellFormed() {
    assertThat(VisitorKeys.isWellFormed(null)).isFalse();
    assertThat(VisitorKeys.isWellFormed("short")).isFalse();
    assertThat(VisitorKeys.isWellFormed("a".repeat(23))).isFalse();
    assertThat(VisitorKeys.isWellFormed("aaaaaaaaaaaaaaaaaaaa+/")).isFalse();
    assertThat(VisitorKeys.isWellFormed("aaaaaaaaaaaaaaaaaaaa\r\n")).isFalse();
  }
}
