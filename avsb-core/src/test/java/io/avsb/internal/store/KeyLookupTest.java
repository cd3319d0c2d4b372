package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyLookupTest {
  @Test
  void aLargeSetOfNumberedKeysHoldsExactlyItsKeysAndCannotBeChanged() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 2_000; i += 2) {
      keys.add(String.format("user-%04d", i));
    }
    Set<String> set = KeyLookup.of(keys);
    assertThat(set).hasSize(1_000);
    for (int i = 0; i < 2_000; i++) {
      assertThat(set.contains(String.format("user-%04d", i))).isEqualTo(i % 2 == 0);
    }
    assertThat(set).isEqualTo(Set.copyOf(keys));
    assertThatThrownBy(() -> set.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aFewKeysAreKeptAndNullsAreRefusedWhateverTheSize() {
    assertThat(KeyLookup.of(List.of("a", "b"))).containsExactlyInAnyOrder("a", "b");
    assertThatThrownBy(() -> KeyLookup.of(Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class);
    List<String> many = new ArrayList<>(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"));
    many.add(null);
    assertThatThrownBy(() -> KeyLookup.of(many)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aSmallSetComparesTheTextWhenHashesCollide() {
    // "Aa" and "BB" share a hash code; so do "AaAa" and "BBBB"
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Set<String> set = KeyLookup.of(List.of("Aa", "AaAa", "Aa"));
    assertThat(set).hasSize(2);
    assertThat(set.contains("Aa")).isTrue();
    assertThat(set.contains(new String("AaAa"))).isTrue();
    assertThat(set.contains("BB")).isFalse();
    assertThat(set.contains("BBBB")).isFalse();
    assertThat(set.contains(42)).isFalse();
    assertThat(set.contains(null)).isFalse();
    assertThat(set).isEqualTo(Set.of("Aa", "AaAa"));
    assertThatThrownBy(() -> set.remove("Aa")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.iterator().remove()).isInstanceOf(RuntimeException.class);
  }

  @Test
  void aLargeSetFindsEveryKeyAndNoOtherWhateverTheirHashes() {
    List<String> keys = new ArrayList<>();
    // colliding hashes ("Aa" and "BB" combine into equal-hash strings) and numbered keys
    for (String a : List.of("Aa", "BB")) {
      for (String b : List.of("Aa", "BB")) {
        for (String c : List.of("Aa", "BB")) {
          keys.add(a + b + c);
        }
      }
    }
    for (int i = 0; i < 40; i++) {
      keys.add("user-" + i);
    }
    Set<String> set = KeyLookup.of(keys.subList(0, keys.size() - 1));
    assertThat(set).hasSize(keys.size() - 1);
    for (String key : keys.subList(0, keys.size() - 1)) {
      assertThat(set.contains(new String(key))).as(key).isTrue();
    }
    assertThat(set.contains(keys.get(keys.size() - 1))).isFalse();
    assertThat(set.contains("AaAaBBx")).isFalse();
    assertThat(set.contains(7)).isFalse();
    assertThat(set).containsExactlyInAnyOrderElementsOf(keys.subList(0, keys.size() - 1));
  }
}
