package io.avsb.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointsTest {
  @Test
  void endpointKeepsThePathPrefixOfTheBase() {
    assertThat(Endpoints.of(URI.create("http://h:1"), "/sdk/v1/flags"))
        .isEqualTo(URI.create("http://h:1/sdk/v1/flags"));
    assertThat(Endpoints.of(URI.create("https://h/relay/"), "/sdk/v1/stream"))
        .isEqualTo(URI.create("https://h/relay/sdk/v1/stream"));
  }
}
