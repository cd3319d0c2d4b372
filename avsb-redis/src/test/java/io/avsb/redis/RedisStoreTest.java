package io.avsb.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisStoreTest {
  @Test
  void printsEndpointAndPrefixWithThePasswordMasked() {
    RedisStore store = RedisStore.builder().uri("redis://app:hunter2@cache:6379/3")
        .prefix("avsb:prod").build();
    assertThat(store.toString()).isEqualTo("RedisStore[redis://app:****@cache:6379/3, prefix"
        + " avsb:prod]");
    assertThat(RedisStore.builder().uri("redis://cache").password("hunter2").build().toString())
        .doesNotContain("hunter2").contains(":****@");
  }

  @Test
  void anInvalidUriIsRejectedWithoutRepeatingIt() {
    assertThatThrownBy(() -> RedisStore.builder().uri("redis://app:hun ter2@cache"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("uri ")
        .hasMessageNotContaining("hun ter2");
  }

  @Test
  void settingsAreValidatedEagerly() {
    RedisStore.Builder b = RedisStore.builder();
    assertThatThrownBy(() -> b.poolSize(0)).hasMessageContaining("poolSize");
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> b.socketTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("socketTimeout");
    assertThatThrownBy(() -> b.prefix("two words")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> b.uri((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("uri");
  }
}
