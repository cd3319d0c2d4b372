package io.avsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile caller input: cyclic, absurdly deep or exploding structures. */
class ValueLimitsTest {
  private static Map<String, Object> cyclicMap() {
    Map<String, Object> map = new HashMap<>();
    map.put("key", "u1");
    map.put("self", map);
    return map;
  }

  private static Object nestedLists(int depth) {
    Object v = "leaf";
    for (int i = 0; i < depth; i++) {
      List<Object> l = new ArrayList<>();
      l.add(v);
      v = l;
    }
    return v;
  }

  private static AvsbValue nestedValues(int depth) {
    AvsbValue v = AvsbValue.of("leaf");
    for (int i = 0; i < depth; i++) {
      v = new AvsbValue.Obj(Map.of("a", v));
    }
    return v;
  }

  @Test
  void aCyclicMapIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> AvsbValue.fromJava(cyclicMap()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cyclic");
    List<Object> list = new ArrayList<>();
    list.add(list);
    assertThatThrownBy(() -> AvsbValue.fromJava(list)).hasMessageContaining("cyclic");
    Object[] array = new Object[1];
    array[0] = array;
    assertThatThrownBy(() -> AvsbValue.fromJava(array)).hasMessageContaining("cyclic");
  }

  @Test
  void depthIsLimitedTo200LevelsWithoutOverflowingTheStack() {
    assertThat(AvsbValue.fromJava(nestedLists(200))).isNotNull();
    assertThatThrownBy(() -> AvsbValue.fromJava(nestedLists(201)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deeper than 200");
    assertThatThrownBy(() -> AvsbValue.fromJava(nestedLists(1_000_000)))
        .hasMessageContaining("deeper than 200");
    assertThatThrownBy(() -> AvsbValue.fromJava(nestedValues(1_000_000)))
        .hasMessageContaining("deeper than 200");
  }

  @Test
  void aSharedListCannotExpandWithoutEnd() {
    Object v = "x";
    for (int i = 0; i < 64; i++) {
      v = Arrays.asList(v, v);
    }
    Object exploding = v;
    assertThatThrownBy(() -> AvsbValue.fromJava(exploding))
        .hasMessageContaining("more than 1000000 elements");
  }

  @Test
  void aSharedButAcyclicValueIsConvertedAndNullArrayElementsBecomeNull() {
    List<Object> shared = List.of(1, 2);
    assertThat(AvsbValue.fromJava(Map.of("a", shared, "b", shared)).get("b"))
        .isEqualTo(AvsbValue.parse("[1,2]"));
    assertThat(AvsbValue.fromJava(new Object[] {null, "x"})).isEqualTo(AvsbValue.parse("[null,\"x\"]"));
  }

  @Test
  void forUserOfACyclicOrDeepMapGivesAnInvalidContextThatSaysWhy() {
    AvsbContext cyclic = AvsbContext.fromMap(cyclicMap());
    assertThat(cyclic.isValid()).isFalse();
    assertThat(cyclic.error()).contains("cyclic");
    Map<String, Object> deep = new LinkedHashMap<>();
    deep.put("key", "u1");
    deep.put("tree", nestedLists(100_000));
    AvsbContext tooDeep = AvsbContext.fromMap(deep);
    assertThat(tooDeep.isValid()).isFalse();
    assertThat(tooDeep.error()).contains("deeper than 200");
    try (AvsbServer server = AvsbConfig.builder(null).offline(true).buildServer()) {
      ScopedAvsb avsb = server.forUser(cyclicMap());
      assertThat(avsb.context().error()).contains("cyclic");
      assertThat(avsb.getBoolFlagDetail("f", true).reason())
          .isEqualTo(EvaluationReason.error(EvaluationReason.ErrorKind.USER_NOT_SPECIFIED));
      avsb.track("clicked", cyclicMap());
    }
  }

  @Test
  void aBuilderAttributeOrJsonContextTooDeepGivesAnInvalidContext() {
    AvsbContext c = AvsbContext.builder("u1").set("tree", nestedValues(300)).build();
    assertThat(c.isValid()).isFalse();
    assertThat(c.error()).isEqualTo("attribute tree: value nests deeper than 200 levels");
    AvsbContext fromJson = AvsbContext.fromValue(
        new AvsbValue.Obj(Map.of("kind", AvsbValue.of("user"), "key", AvsbValue.of("u1"),
            "tree", nestedValues(1_000_000))));
    assertThat(fromJson.error()).contains("deeper than 200");
    assertThat(AvsbContext.builder("u1").set("tree", nestedValues(199)).build().isValid()).isTrue();
  }

  @Test
  void aMapThatFailsWhileReadGivesAnInvalidContext() {
    Map<String, Object> failing = new HashMap<>() {
      @Override
      public java.util.Set<Map.Entry<String, Object>> entrySet() {
        throw new java.util.ConcurrentModificationException();
      }
    };
    AvsbContext c = AvsbContext.fromMap(failing);
    assertThat(c.isValid()).isFalse();
    assertThat(c.error()).contains("cannot be read", "ConcurrentModificationException");
  }
}
