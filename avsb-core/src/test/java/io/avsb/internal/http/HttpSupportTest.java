package io.avsb.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpSupportTest {
  @ParameterizedTest
  @CsvSource({
    "sdk-0123-abcd, ****abcd",
    "abcdefgh, ****efgh",
    "abcdef, ****ef",
    "abcd, ****",
    "ab, ****",
  })
  void maskShowsAtMostTheLastFourCharactersAndHidesAtLeastFour(String key, String masked) {
    assertThat(KeyMask.mask(key)).isEqualTo(masked);
  }

  @Test
  void maskOfNoKey() {
    assertThat(KeyMask.mask(null)).isEqualTo("(none)");
  }

  @ParameterizedTest
  @CsvSource({
    "400, true", "401, false", "403, false", "404, false", "405, false", "408, true", "413, false",
    "429, true", "500, true", "502, true", "503, true", "504, true",
  })
  void statusClassificationFollowsTheReferenceSdks(int status, boolean recoverable) {
    assertThat(HttpStatuses.isRecoverable(status)).isEqualTo(recoverable);
  }

  @Test
  void keyRejectedOnlyFor401And403() {
    assertThat(HttpStatuses.isKeyRejected(401)).isTrue();
    assertThat(HttpStatuses.isKeyRejected(403)).isTrue();
    assertThat(HttpStatuses.isKeyRejected(404)).isFalse();
  }

  @Test
  void userAgentNamesTheSdkAndItsVersion() {
    assertThat(SdkVersion.userAgent()).isEqualTo("AvsbJava/" + SdkVersion.VERSION);
  }

  @Test
  void fallbackVersionMatchesTheProjectVersion() throws Exception {
    String root = System.getProperty("avsb.project.root");
    assertThat(root).as("avsb.project.root is set by surefire").isNotBlank();
    String pom = Files.readString(Path.of(root, "pom.xml"));
    Matcher m = Pattern.compile("<artifactId>avsb-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(m.find()).isTrue();
    assertThat(SdkVersion.FALLBACK).isEqualTo(m.group(1));
  }


  @Test
  void requestsCarryTheKeyAndStreamRequestsAskForEventStreams() throws Exception {
    try (SdkHttpClient http = SdkHttpClient.create(AvsbConfig.builder("sdk-key-1").build())) {
      HttpGet get = http.get(URI.create("http://h/x"), Duration.ofSeconds(3));
      HttpGet stream = http.stream(URI.create("http://h/s"), Duration.ofMinutes(5));

      assertThat(get.getFirstHeader("Authorization").getValue()).isEqualTo("sdk-key-1");
      assertThat(get.getConfig().getResponseTimeout().toMilliseconds()).isEqualTo(3000);
      assertThat(stream.getFirstHeader("Accept").getValue()).isEqualTo("text/event-stream");
      assertThat(stream.getConfig().getResponseTimeout().toMilliseconds()).isEqualTo(300_000);
      assertThat(stream.getConfig().isContentCompressionEnabled()).isFalse();
    }
  }
}
