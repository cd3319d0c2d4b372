package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemMapTest {
  @Test
  void randomUpdatesAgreeWithAHashMapAndLeaveEarlierMapsAlone() {
    Random random = new Random(20261130L);
    ItemMap<Integer> map = ItemMap.empty();
    Map<String, Integer> model = new HashMap<>();
    List<ItemMap<Integer>> versions = new ArrayList<>();
    List<Map<String, Integer>> models = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String key = "k" + random.nextInt(5_000);
      map = map.with(key, i);
      model.put(key, i);
      if (i % 2_000 == 0) {
        versions.add(map);
        models.add(new HashMap<>(model));
      }
    }
    assertThat(map.asMap()).isEqualTo(model);
    assertThat(map.size()).isEqualTo(model.size());
    for (int v = 0; v < versions.size(); v++) {
      assertThat(versions.get(v).asMap()).isEqualTo(models.get(v));
    }
    assertThat(map.get("absent")).isNull();
  }

  @Test
  void keysWithTheSameHashAreKeptApart() {
    // "Aa" and "BB" share String.hashCode, so their combinations collide at every level
    List<String> keys = List.of("AaAa", "AaBB", "BBAa", "BBBB", "AaAaAa", "BBBBBB");
    ItemMap<String> built = ItemMap.empty();
    for (String k : keys) {
      built = built.with(k, k.toLowerCase());
    }
    built = built.with("AaBB", "again");
    ItemMap<Object> bulk = ItemMap.of(keys.toArray(new String[0]), keys.toArray(), keys.size());

    assertThat(built.size()).isEqualTo(6);
    assertThat(built.get("AaBB")).isEqualTo("again");
    assertThat(built.get("BBBB")).isEqualTo("bbbb");
    assertThat(built.get("BBAaBB")).isNull();
    assertThat(bulk.asMap()).containsOnlyKeys(keys);
    keys.forEach(k -> assertThat(bulk.get(k)).isEqualTo(k));
  }

  @Test
  void bulkBuildKeepsTheLastValueOfARepeatedKey() {
    int n = 50_000;
    String[] keys = new String[n + 2];
    Object[] values = new Object[n + 2];
    for (int i = 0; i < n; i++) {
      keys[i] = "flag-" + i;
      values[i] = i;
    }
    keys[n] = "flag-7";
    values[n] = "seven";
    keys[n + 1] = "AaAa";
    values[n + 1] = "collides";

    ItemMap<Object> map = ItemMap.of(keys, values, n + 2);

    assertThat(map.size()).isEqualTo(n + 1);
    assertThat(map.get("flag-7")).isEqualTo("seven");
    assertThat(map.get("flag-49999")).isEqualTo(49_999);
    assertThat(map.get("BBBB")).isNull();
    Map<String, Object> seen = new HashMap<>();
    map.forEach(seen::put);
    assertThat(seen).hasSize(n + 1).isEqualTo(map.asMap());
    assertThat(map.with("new", 1).size()).isEqualTo(n + 2);
  }
}
