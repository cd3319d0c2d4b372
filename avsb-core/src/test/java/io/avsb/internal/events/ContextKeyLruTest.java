package io.avsb.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContextKeyLruTest {
  @Test
  void firstSightingIsNewAndRepeatIsNot() {
    ContextKeyLru lru = new ContextKeyLru(10);
    assertThat(lru.notice("a")).isTrue();
    assertThat(lru.notice("a")).isFalse();
    assertThat(lru.notice("b")).isTrue();
    assertThat(lru.size()).isEqualTo(2);
  }

  @Test
  void leastRecentlySeenKeyIsEvictedWhenFull() {
    ContextKeyLru lru = new ContextKeyLru(2);
    lru.notice("a");
    lru.notice("b");
    lru.notice("a"); // a is now more recent than b
    assertThat(lru.notice("c")).isTrue(); // evicts b
    assertThat(lru.size()).isEqualTo(2);
    assertThat(lru.notice("a")).isFalse();
    assertThat(lru.notice("b")).isTrue();
  }

  @Test
  void clearForgetsEverything() {
    ContextKeyLru lru = new ContextKeyLru(2);
    lru.notice("a");
    lru.clear();
    assertThat(lru.notice("a")).isTrue();
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new ContextKeyLru(0)).hasMessageContaining("capacity");
  }
}
