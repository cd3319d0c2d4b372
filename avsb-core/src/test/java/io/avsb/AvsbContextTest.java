package io.avsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvsbContextTest {
  @Test
  void mapWithKindGivesASingleContextWithAttributesAndPrivateNames() {
    AvsbContext c = AvsbContext.fromMap(Map.of("kind", "org", "key", "o1", "name", "Acme",
        "anonymous", true, "plan", "pro", "address", Map.of("city", "Paris"),
        "_meta", Map.of("privateAttributes", List.of("plan", "/address/city"))));
    assertThat(c.isValid()).isTrue();
    assertThat(c.kind()).isEqualTo("org");
    assertThat(c.key()).isEqualTo("o1");
    assertThat(c.name()).isEqualTo("Acme");
    assertThat(c.isAnonymous()).isTrue();
    assertThat(c.attributes()).containsOnlyKeys("plan", "address");
    assertThat(c.privateAttributes())
        .containsExactlyInAnyOrder(AttributeRef.of("plan"), AttributeRef.of("/address/city"));
    assertThat(c.getValue(AttributeRef.of("/address/city"))).isEqualTo(AvsbValue.of("Paris"));
    assertThat(c.getValue("kind")).isEqualTo(AvsbValue.of("org"));
    assertThat(c.fullyQualifiedKey()).isEqualTo("org:o1");
  }

  @Test
  void mapWithoutKindIsTheOlderUserShape() {
    AvsbContext c = AvsbContext.fromMap(Map.of("key", "u1", "name", "Ann", "email", "a@x.io",
        "country", "FR", "custom", Map.of("plan", "pro", "beta", true),
        "privateAttributeNames", List.of("email", "a/b")));
    assertThat(c.isValid()).isTrue();
    assertThat(c.kind()).isEqualTo("user");
    assertThat(c.key()).isEqualTo("u1");
    assertThat(c.name()).isEqualTo("Ann");
    assertThat(c.getValue("email")).isEqualTo(AvsbValue.of("a@x.io"));
    assertThat(c.getValue("country")).isEqualTo(AvsbValue.of("FR"));
    assertThat(c.getValue("plan")).isEqualTo(AvsbValue.of("pro"));
    assertThat(c.getValue("beta")).isEqualTo(AvsbValue.TRUE);
    assertThat(c.getValue("anonymous")).isEqualTo(AvsbValue.FALSE);
    assertThat(c.privateAttributes())
        .containsExactlyInAnyOrder(AttributeRef.of("email"), AttributeRef.ofLiteral("a/b"));
    assertThat(AvsbContext.fromMap(Map.of("key", "")).isValid()).isTrue();
  }

  @Test
  void multiMapGivesOneContextPerKindSortedByKind() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", "multi");
    map.put("user", Map.of("key", "u1", "plan", "pro"));
    map.put("device", Map.of("key", "d1"));
    AvsbContext c = AvsbContext.fromMap(map);
    assertThat(c.isValid()).isTrue();
    assertThat(c.isMulti()).isTrue();
    assertThat(c.individualContextCount()).isEqualTo(2);
    assertThat(c.individualContext(0).kind()).isEqualTo("device");
    assertThat(c.individualContext("user").getValue("plan")).isEqualTo(AvsbValue.of("pro"));
    assertThat(c.individualContext("org")).isNull();
    assertThat(c.individualContext((String) null).key()).isEqualTo("u1");
    assertThat(c.getValue("key")).isNull();
    assertThat(c.fullyQualifiedKey()).isEqualTo("device:d1:user:u1");
  }

  @Test
  void multiOfOneKindIsThatContext() {
    AvsbContext c = AvsbContext.fromMap(Map.of("kind", "multi", "org", Map.of("key", "o")));
    assertThat(c.isMulti()).isFalse();
    assertThat(c.kind()).isEqualTo("org");
  }

  @Test
  void badInputGivesAnInvalidContextSayingWhy() {
    assertInvalid(AvsbContext.fromMap(null), "null");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "user", "key", "")), "empty");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "user")), "null");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "user", "key", 5)), "string");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "kind", "key", "k")), "kind");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "bad kind!", "key", "k")), "character");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", 3, "key", "k")), "kind");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "user", "key", "k", "name", 3)), "name");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "user", "key", "k", "anonymous", "y")),
        "anonymous");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "multi")), "at least one");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "multi", "user", "u")), "object");
    assertInvalid(AvsbContext.fromMap(Map.of("kind", "multi", "user", Map.of("key", ""),
        "org", Map.of("key", "o"))), "invalid");
    assertInvalid(AvsbContext.fromMap(Map.of("key", 1)), "string");
    assertInvalid(AvsbContext.fromMap(Map.of("key", "u", "email", 1)), "email");
    assertInvalid(AvsbContext.fromMap(Map.of("key", "u", "bad", new Object())), "JSON");
    assertInvalid(AvsbContext.fromValue(AvsbValue.of("u")), "object");
    assertInvalid(AvsbContext.multi(AvsbContext.of("a"), AvsbContext.of("b")), "only one");
  }

  private static void assertInvalid(AvsbContext c, String reasonPart) {
    assertThat(c.isValid()).isFalse();
    assertThat(c.error()).containsIgnoringCase(reasonPart);
    assertThat(c.toString()).contains("invalid");
  }

  @Test
  void builderSetsBuiltInsAndAttributes() {
    AvsbContext c = AvsbContext.builder("device", "d1").name("phone").anonymous(true)
        .set("os", "android").set("score", 1.5).set("beta", true).privateAttributes("os").build();
    assertThat(c.isValid()).isTrue();
    assertThat(c.getValue("name")).isEqualTo(AvsbValue.of("phone"));
    assertThat(c.getValue("anonymous")).isEqualTo(AvsbValue.TRUE);
    assertThat(c.getValue("score")).isEqualTo(AvsbValue.of(1.5));
    assertThat(c.toString()).doesNotContain("d1").doesNotContain("android");
  }

  @Test
  void attributesAreFoundWhateverStringInstanceNamesThemAndHowManyThereAre() {
    AvsbContext.Builder b = AvsbContext.builder("u1");
    for (int i = 0; i < 12; i++) {
      b.set("a" + i, "v" + i);
    }
    AvsbContext c = b.build();
    for (int i = 0; i < 12; i++) {
      // a name built at run time is another instance than the one the context holds
      String name = new StringBuilder("a").append(i).toString();
      assertThat(c.getValue(name)).as(name).isEqualTo(AvsbValue.of("v" + i));
      assertThat(c.getValue(AttributeRef.of(name))).as(name).isEqualTo(AvsbValue.of("v" + i));
    }
    assertThat(c.getValue("a12")).isNull();
    assertThat(c.getValue(AttributeRef.of(new String("key")))).isEqualTo(AvsbValue.of("u1"));
    assertThat(c.getValue("anonymous")).isEqualTo(AvsbValue.FALSE);
    assertThat(AvsbContext.of("u2").getValue("plan")).isNull();
  }

  @Test
  void aBuilderUsedAgainLeavesTheContextsItBuiltUnchanged() {
    AvsbContext.Builder b = AvsbContext.builder("u1").set("plan", "pro");
    AvsbContext first = b.build();
    AvsbContext second = b.set("plan", "free").set("country", "nz").build();
    AvsbContext third = b.set("country", (String) null).build();
    assertThat(first.attributes()).containsExactly(Map.entry("plan", AvsbValue.of("pro")));
    assertThat(second.attributes()).containsExactly(Map.entry("plan", AvsbValue.of("free")),
        Map.entry("country", AvsbValue.of("nz")));
    assertThat(third.attributes()).containsExactly(Map.entry("plan", AvsbValue.of("free")));
    assertThat(first.getValue("plan")).isEqualTo(AvsbValue.of("pro"));
  }
}
