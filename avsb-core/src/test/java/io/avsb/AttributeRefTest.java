package io.avsb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributeRefTest {
  @Test
  void pathsSplitOnSlashesAndUnescapeTildes() {
    AttributeRef ref = AttributeRef.of("/a~1b/c~0d/~01");
    assertThat(ref.isValid()).isTrue();
    assertThat(ref.depth()).isEqualTo(3);
    assertThat(ref.component(0)).isEqualTo("a/b");
    assertThat(ref.component(1)).isEqualTo("c~d");
    assertThat(ref.component(2)).isEqualTo("~1");
    assertThat(ref.toString()).isEqualTo("/a~1b/c~0d/~01");
  }

  @Test
  void textWithoutLeadingSlashIsOneLiteralName() {
    AttributeRef ref = AttributeRef.of("a/b~c");
    assertThat(ref.isValid()).isTrue();
    assertThat(ref.depth()).isEqualTo(1);
    assertThat(ref.component(0)).isEqualTo("a/b~c");
    assertThat(AttributeRef.ofLiteral("/x").component(0)).isEqualTo("/x");
  }

  @Test
  void malformedReferencesAreInvalidWithAReason() {
    for (String bad : new String[] {"", "/", "//", "/a//b", "/a/", "/a~", "/a~2", "/~x"}) {
      AttributeRef ref = AttributeRef.of(bad);
      assertThat(ref.isValid()).as(bad).isFalse();
      assertThat(ref.error()).as(bad).isNotBlank();
      assertThat(ref.depth()).isZero();
    }
    assertThat(AttributeRef.of(null).isValid()).isFalse();
    assertThat(AttributeRef.ofLiteral("").isValid()).isFalse();
    assertThat(AttributeRef.ofLiteral(null).isValid()).isFalse();
  }

  @Test
  void equalReferencesHaveEqualComponents() {
    assertThat(AttributeRef.of("/name")).isEqualTo(AttributeRef.of("name"));
    assertThat(AttributeRef.of("/name").hashCode()).isEqualTo(AttributeRef.of("name").hashCode());
    assertThat(AttributeRef.of("/a/b")).isNotEqualTo(AttributeRef.ofLiteral("/a/b"));
  }
}
