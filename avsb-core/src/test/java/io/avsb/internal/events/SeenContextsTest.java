package io.avsb.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeenContextsTest {
  private static List<String> keys(String format, int n) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(String.format(format, i));
    }
    return keys;
  }

  private static void assertAllKept(int capacity, List<String> keys) {
    SeenContexts seen = new SeenContexts(capacity);
    keys.forEach(seen::publish);
    // a fresh instance, as a caller holds: equal, not identical
    assertThat(keys).allMatch(k -> seen.contains(new String(k)), "kept");
  }

  @Test
  void sequentialKeysUpToTheCapacityAreAllKept() {
    // String.hashCode of these differs in few bits: without the mix, 90 of 1,024 found no slot
    assertAllKept(2048, keys("user-%04d", 1024));
    assertAllKept(1024, keys("user-%d", 1024));
    assertAllKept(1 << 15, keys("user-%d", 1 << 15));
    assertAllKept(4096, keys("org:%06d", 4096));
    assertAllKept(2048, keys("person%d@example.com", 2048));
  }

  @Test
  void randomKeysUpToTheCapacityAreAllKept() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 1 << 15; i++) {
      keys.add(UUID.randomUUID().toString());
    }
    assertAllKept(1 << 15, keys);
  }

  @Test
  void aKeyNeverPublishedOrForgottenIsNotContained() {
    SeenContexts seen = new SeenContexts(16);
    seen.publish("a");
    seen.publish("b");
    seen.forget("a");
    assertThat(seen.contains("a")).isFalse();
    assertThat(seen.contains("b")).isTrue();
    assertThat(seen.contains("c")).isFalse();
  }

  @Test
  void keysLongerThanTheLruKeepsAreNeverContained() {
    SeenContexts seen = new SeenContexts(16);
    String longKey = "k".repeat(ContextKeyLru.MAX_KEPT + 1);
    seen.publish(longKey);
    assertThat(seen.contains(longKey)).isFalse();
  }

  @Test
  void aKeyThatCollidesInEveryProbedSlotDisplacesTheHomeSlotOnlyAndIsThenContained() {
    // "Aa" and "BB" share a hash code, and so do all 2^n strings built from them
    List<String> same = new ArrayList<>(List.of(""));
    for (int round = 0; round < 5; round++) {
      List<String> next = new ArrayList<>();
      for (String s : same) {
        next.add(s + "Aa");
        next.add(s + "BB");
      }
      same = next;
    }
    SeenContexts seen = new SeenContexts(64);
    for (int i = 0; i <= SeenContexts.PROBES; i++) {
      seen.publish(same.get(i));
    }
    assertThat(seen.contains(same.get(SeenContexts.PROBES))).isTrue();
    assertThat(same.subList(1, SeenContexts.PROBES)).allMatch(seen::contains);
    assertThat(seen.contains(same.get(0))).isFalse();
  }

  @Test
  void refreshRenewsTheRecencyOfTheKeysUsedSinceTheLastRefresh() {
    ContextKeyLru lru = new ContextKeyLru(2);
    SeenContexts seen = new SeenContexts(2);
    lru.notice("a");
    lru.notice("b");
    seen.publish("a");
    seen.publish("b");
    assertThat(seen.contains("a")).isTrue();
    seen.refresh(lru);
    // "a" is now the most recent, so the next new key evicts "b"
    assertThat(lru.notice("c")).isTrue();
    assertThat(lru.notice("a")).isFalse();
    assertThat(lru.notice("b")).isTrue();
  }
}
