package io.avsb.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {
  @Test
  void aPlainUriGivesHostPortAndDefaults() {
    RedisEndpoint e = RedisEndpoint.parse(URI.create("redis://cache.internal"));
    assertThat(e).isEqualTo(new RedisEndpoint("cache.internal", 6379, false, 0, null, null));
  }

  @Test
  void userPasswordDatabaseAndTlsAreRead() {
    RedisEndpoint e = RedisEndpoint.parse(URI.create("rediss://app:s3cr%40t@cache:6380/2"));
    assertThat(e).isEqualTo(new RedisEndpoint("cache", 6380, true, 2, "app", "s3cr@t"));
  }

  @Test
  void aUserInfoWithoutColonIsThePasswordAndAnEmptyUserIsNone() {
    assertThat(RedisEndpoint.parse(URI.create("redis://secret@h")).password()).isEqualTo("secret");
    RedisEndpoint e = RedisEndpoint.parse(URI.create("redis://:secret@h"));
    assertThat(e.user()).isNull();
    assertThat(e.password()).isEqualTo("secret");
  }

  @Test
  void thePasswordIsMaskedWhenPrinted() {
    RedisEndpoint e = RedisEndpoint.parse(URI.create("redis://app:hunter2@cache:6379/1"));
    assertThat(e.toString()).isEqualTo("redis://app:****@cache:6379/1").doesNotContain("hunter2");
  }

  @Test
  void otherSchemesAndBadPathsAreRejectedWithoutRepeatingThePassword() {
    assertThatThrownBy(() -> RedisEndpoint.parse(URI.create("http://u:hunter2@cache")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> RedisEndpoint.parse(URI.create("redis://u:hunter2@cache/x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database number")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void credentialsCanBeReplaced() {
    RedisEndpoint e = RedisEndpoint.parse(URI.create("redis://a:b@h")).withCredentials(null, "c");
    assertThat(e.user()).isEqualTo("a");
    assertThat(e.password()).isEqualTo("c");
  }
}
