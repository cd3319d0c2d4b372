package io.avsb.examples.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as the README runs it: both built WARs in real embedded Jetty, on one flags file
 * outside them; an edit of that file changes what both answer.
 */
class ExamplesLauncherTest {
  private static final Path EXAMPLES = Path.of(System.getProperty("avsb.examples.dir", ".."));
  private final HttpClient http = HttpClient.newHttpClient();

  private String checkout(ExamplesLauncher launcher, String example) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(launcher.baseUri() + "/" + example + "/checkout"))
        .header("x-user-id", "u2").header("x-user-plan", "pro").build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().replace(" ", "");
  }

  @Test
  void everyExampleReadsTheOneFlagsFileAndFollowsItsEdits(@TempDir Path dir) throws Exception {
    Path flags = Files.copy(EXAMPLES.resolve("flags.json"), dir.resolve("flags.json"));
    try (ExamplesLauncher launcher = ExamplesLauncher.start(0, EXAMPLES, flags)) {
      assertThat(launcher.flagsFileOf("/checkout-servlet")).isEqualTo(flags.toString());
      assertThat(launcher.flagsFileOf("/checkout-jaxrs")).isEqualTo(flags.toString());
      assertThat(launcher.flagsFileOf("/checkout-cdi")).isEqualTo(flags.toString());
      assertThat(launcher.describe())
          .contains(launcher.baseUri() + "/checkout-servlet/checkout\n           flags from "
              + flags + "\n")
          .contains(launcher.baseUri() + "/checkout-jaxrs/checkout\n           flags from "
              + flags + "\n")
          .contains(launcher.baseUri() + "/checkout-cdi/checkout\n           flags from "
              + flags + "\n");
      assertThat(checkout(launcher, "checkout-servlet")).contains("\"theme\":\"dark\"");
      assertThat(checkout(launcher, "checkout-jaxrs")).contains("\"theme\":\"dark\"");
      assertThat(checkout(launcher, "checkout-cdi")).contains("\"theme\":\"dark\"");

      String edited = Files.readString(flags).replace(
          "\"variations\": [\"default\", \"dark\", \"high-contrast\"]",
          "\"variations\": [\"default\", \"midnight\", \"high-contrast\"]");
      assertThat(edited).contains("midnight");
      Path tmp = Files.writeString(dir.resolve("flags.json.tmp"), edited);
      Files.move(tmp, flags, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        assertThat(checkout(launcher, "checkout-servlet")).contains("\"theme\":\"midnight\"");
        assertThat(checkout(launcher, "checkout-jaxrs")).contains("\"theme\":\"midnight\"");
        assertThat(checkout(launcher, "checkout-cdi")).contains("\"theme\":\"midnight\"");
      });
    }
  }

  @Test
  void aMissingFlagsFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> ExamplesLauncher.start(0, EXAMPLES, missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The flags file " + missing + " is missing");
  }
}
