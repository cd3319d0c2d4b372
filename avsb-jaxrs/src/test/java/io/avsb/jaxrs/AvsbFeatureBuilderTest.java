package io.avsb.jaxrs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AvsbFeatureBuilderTest {
  @Test
  void nullServerIsRejectedByName() {
    assertThatThrownBy(() -> AvsbFeature.builder().server(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("server");
    assertThatThrownBy(() -> new AvsbFeature(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void blankAttributeNamesAreRejectedByName() {
    assertThatThrownBy(() -> AvsbFeature.builder().attributeName(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attributeName");
    assertThatThrownBy(() -> AvsbFeature.builder().serverAttribute(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serverAttribute");
  }

  @Test
  void headerMappingIsValidatedEagerly() {
    assertThatThrownBy(() -> AvsbFeature.builder().headers("x user", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyHeader");
    assertThatThrownBy(() -> AvsbFeature.builder().headers("x-user-id", Map.of("x-kind", "kind")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void visitorCookieNameMustBeAToken() {
    assertThatThrownBy(() -> AvsbFeature.builder().visitorCookie("a;b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("visitorCookie");
  }

  @Test
  void nullResolverIsRejectedByName() {
    assertThatThrownBy(() -> AvsbFeature.builder().resolver(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("resolver");
  }
}
