package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AvsbValue;
import io.avsb.testkit.AvsbTestService.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// The service is exercised with the JDK's HTTP client here; the SDK's own HttpClient 5 code is
// exercised against it in io.avsb.internal.datasource.*HttpTest.
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AvsbTestServiceTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final HttpClient http = HttpClient.newHttpClient();
  private AvsbTestService service;

  @BeforeEach
  void startService() {
    service = new AvsbTestService().start();
  }

  @AfterEach
  void closeService() {
    service.close();
  }

  @Test
  void eventsEndpointRecordsPayloadAndHeadersAndAnswers202() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/events/v1/bulk"))
                .header("Content-Type", "application/json")
                .header("X-Avsb-Payload-Id", "p-1")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"kind\":\"custom\",\"key\":\"buy\"}]")));

    assertThat(response.statusCode()).isEqualTo(202);
    List<AvsbTestService.EventPost> events = service.awaitEvents(1, WAIT);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).payload().get(0).get("key").stringValue()).isEqualTo("buy");
    assertThat(events.get(0).header("x-avsb-payload-id")).isEqualTo("p-1");
    assertThat(events.get(0).header("CONTENT-TYPE")).isEqualTo("application/json");
  }

  @Test
  void eventsEndpointRejectsNonJsonWithoutRecordingAnEvent() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri("/events/v1/bulk")).POST(HttpRequest.BodyPublishers.ofString("[{")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(service.events()).isEmpty();
    assertThat(service.requests(Endpoint.EVENTS)).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("[{"));
  }

  @Test
  void failNextAnswersTheArmedStatusesThenRecovers() throws Exception {
    service.failNext(Endpoint.EVENTS, 2, 503);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(
          send(HttpRequest.newBuilder(uri("/events/v1/bulk")).POST(HttpRequest.BodyPublishers.ofString("[]")))
              .statusCode());
    }

    assertThat(statuses).containsExactly(503, 503, 202);
    assertThat(service.events()).hasSize(1);
    assertThat(service.requests(Endpoint.EVENTS)).hasSize(3);
  }

  @Test
  void flagsEndpointServesETagAndAnswers304WhenUnchanged() throws Exception {
    service.setData("{\"flags\": {\"f\": {\"key\": \"f\", \"version\": 1}}}");

    HttpResponse<String> first = send(HttpRequest.newBuilder(uri("/sdk/v1/flags")).GET());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> second =
        send(HttpRequest.newBuilder(uri("/sdk/v1/flags")).header("If-None-Match", etag).GET());
    service.putFlag("g", AvsbValue.parse("{\"key\": \"g\", \"version\": 3}"));
    HttpResponse<String> third =
        send(HttpRequest.newBuilder(uri("/sdk/v1/flags")).header("If-None-Match", etag).GET());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(AvsbValue.parse(first.body())).isEqualTo(AvsbValue.parse(
        "{\"flags\": {\"f\": {\"key\": \"f\", \"version\": 1}}, \"segments\": {}}"));
    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(third.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    assertThat(AvsbValue.parse(third.body()).get("flags").get("g").get("version").intValue()).isEqualTo(3);
  }

  @Test
  void malformedFlagsBodyIsNotJson() throws Exception {
    service.malformedNext(Endpoint.FLAGS, 1);

    HttpResponse<String> bad = send(HttpRequest.newBuilder(uri("/sdk/v1/flags")).GET());
    HttpResponse<String> good = send(HttpRequest.newBuilder(uri("/sdk/v1/flags")).GET());

    assertThatThrownBy(() -> AvsbValue.parse(bad.body())).isInstanceOf(IllegalArgumentException.class);
    assertThat(AvsbValue.parse(good.body()).get("flags").size()).isZero();
  }

  @Test
  void wrongSdkKeyGets401() throws Exception {
    service.expectedSdkKey("right-key");

    int wrong = send(HttpRequest.newBuilder(uri("/sdk/v1/flags")).header("Authorization", "wrong").GET()).statusCode();
    int missing = send(HttpRequest.newBuilder(uri("/sdk/v1/flags")).GET()).statusCode();
    int right = send(HttpRequest.newBuilder(uri("/sdk/v1/flags")).header("Authorization", "right-key").GET()).statusCode();

    assertThat(List.of(wrong, missing, right)).containsExactly(401, 401, 200);
    assertThat(service.requests()).extracting(r -> r.header("authorization"))
        .containsExactly("wrong", null, "right-key");
  }

  @Test
  void unknownPathAndWrongMethodAreRejected() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/nope")).GET()).statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(uri("/events/v1/bulk")).GET()).statusCode()).isEqualTo(405);
  }

  @Test
  void streamSendsPutThenPushesPatchAndDelete() throws Exception {
    service.setData("{\"flags\": {\"f\": {\"key\": \"f\", \"version\": 1}}}");
    try (BufferedReader stream = openStream()) {
      service.awaitStreamConnections(1, WAIT);
      service.putFlag("f", AvsbValue.parse("{\"key\": \"f\", \"version\": 2}"));
      service.deleteFlag("f", 3);

      assertThat(readEvent(stream)).containsExactly(
          "event: put", "data: {\"data\":{\"flags\":{\"f\":{\"key\":\"f\",\"version\":1}},\"segments\":{}}}");
      assertThat(readEvent(stream)).containsExactly(
          "event: patch", "data: {\"path\":\"/flags/f\",\"data\":{\"key\":\"f\",\"version\":2}}");
      assertThat(readEvent(stream)).containsExactly(
          "event: delete", "data: {\"path\":\"/flags/f\",\"version\":3}");
    }
    assertThat(service.data().get("flags").size()).isZero();
    assertThat(service.requests(Endpoint.STREAM)).singleElement()
        .satisfies(r -> assertThat(r.header("Accept")).isEqualTo("text/event-stream"));
  }

  @Test
  void droppedStreamEndsAfterHalfAnEvent() throws Exception {
    try (BufferedReader stream = openStream()) {
      service.awaitStreamConnections(1, WAIT);
      readEvent(stream);
      service.dropStreamsMidEvent();

      StringBuilder rest = new StringBuilder();
      for (int c = stream.read(); c != -1; c = stream.read()) {
        rest.append((char) c);
      }
      assertThat(rest.toString()).startsWith("event: patch\ndata: {").doesNotEndWith("\n");
    }
  }

  @Test
  void malformedStreamOpensWithBrokenPut() throws Exception {
    service.malformedNext(Endpoint.STREAM, 1);
    try (BufferedReader stream = openStream()) {
      List<String> put = readEvent(stream);
      assertThat(put.get(0)).isEqualTo("event: put");
      assertThatThrownBy(() -> AvsbValue.parse(put.get(1).substring("data: ".length())))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void pushRawReachesEveryOpenStream() throws Exception {
    try (BufferedReader a = openStream(); BufferedReader b = openStream()) {
      service.awaitStreamConnections(2, WAIT);
      service.pushRaw("event: custom\ndata: x\n\n");
      readEvent(a);
      readEvent(b);
      assertThat(readEvent(a)).containsExactly("event: custom", "data: x");
      assertThat(readEvent(b)).containsExactly("event: custom", "data: x");
    }
  }

  @Test
  void idleStreamGetsHeartbeatComments() throws Exception {
    service.heartbeatInterval(Duration.ofMillis(20));
    try (BufferedReader stream = openStream()) {
      readEvent(stream);
      assertThat(stream.readLine()).isEqualTo(":");
      assertThat(stream.readLine()).isEqualTo(":");
    }
  }

  @Test
  void awaitFailsClearlyWhenNothingArrives() {
    assertThatThrownBy(() -> service.awaitRequests(Endpoint.FLAGS, 1, Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected at least 1 requests to /sdk/v1/flags");
  }

  @Test
  void closeEndsOpenStreams() throws Exception {
    try (BufferedReader stream = openStream()) {
      readEvent(stream);
      service.close();
      String line;
      do {
        line = stream.readLine();
      } while (line != null && line.equals(":"));
      assertThat(line).isNull();
    } catch (IOException e) {
      assertThat(e).hasMessageContaining("closed");
    }
  }

  private URI uri(String path) {
    return URI.create(service.uri() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private BufferedReader openStream() throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(uri("/sdk/v1/stream")).header("Accept", "text/event-stream").GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
  }

  /** Reads lines up to the next blank line, skipping heartbeat lines before the event. */
  private static List<String> readEvent(BufferedReader stream) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line = stream.readLine(); line != null; line = stream.readLine()) {
      if (line.isEmpty()) {
        return lines;
      }
      if (!(lines.isEmpty() && line.equals(":"))) {
        lines.add(line);
      }
    }
    return lines;
  }
}
