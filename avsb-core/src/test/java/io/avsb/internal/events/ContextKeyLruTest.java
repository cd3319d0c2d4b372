package io.avsb.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContextKeyLruTest {
  @Test
  void aLongKeyIsRememberedByItsHashNotKeptWhole() {
    ContextKeyLru lru = new ContextKeyLru(10);
    String megabyte = "k".repeat(1 << 20);
    WeakReference<String> kept = new WeakReference<>(megabyte);
    assertThat(lru.notice(megabyte)).isTrue();
    megabyte = null;
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      System.gc();
      return kept.get() == null;
    });
    assertThat(lru.notice("k".repeat(1 << 20))).isFalse();
    assertThat(lru.notice("k".repeat((1 << 20) + 1))).isTrue();
    assertThat(lru.remembered("k".repeat(1 << 20))).hasSize(65).startsWith("#");
  }

  @Test
  void aKeyThatLooksLikeAHashIsNotConfusedWithOne() {
    ContextKeyLru lru = new ContextKeyLru(10);
    String longKey = "x".repeat(ContextKeyLru.MAX_KEPT + 1);
    lru.notice(longKey);
    // a key spelled like another key's hash is longer than MAX_KEPT, so it is hashed in turn
    assertThat(lru.notice(lru.remembered(longKey))).isTrue();
    assertThat(lru.notice(longKey)).isFalse();
    assertThat(lru.notice("x".repeat(ContextKeyLru.MAX_KEPT))).isTrue();
    assertThat(lru.notice("x".repeat(ContextKeyLru.MAX_KEPT))).isFalse();
  }

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
