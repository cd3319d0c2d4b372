package io.avsb.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.internal.log.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP event sender against a hostile local events service. */
class HttpEventSenderHostileTest {
  private HostileEventService service;
  private HttpEventSender sender;
  private LogCapture log;

  @BeforeEach
  void start() throws Exception {
    log = new LogCapture();
    service = new HostileEventService();
    // a short retry delay, so that only a Retry-After can make the retry wait long
    sender = new HttpEventSender(AvsbConfig.builder("sdk-key").eventsUri(service.uri())
        .socketTimeout(Duration.ofSeconds(30)).build(), Duration.ofMillis(10));
  }

  @AfterEach
  void stop() throws Exception {
    sender.close();
    service.close();
    log.close();
  }

  private static EventBatch batch(String... events) {
    return new EventBatch(java.util.Arrays.stream(events)
        .map(e -> e.getBytes(StandardCharsets.UTF_8)).toList());
  }

  private CompletableFuture<EventSender.Result> sendAsync(EventBatch batch) {
    return CompletableFuture.supplyAsync(() -> sender.send(batch));
  }

  @Test
  void aBatchIsPostedAsOneJsonArrayWithItsLength() throws Exception {
    assertThat(sendAsync(batch("{\"a\":1}", "{\"b\":\"é\"}")).get(60, TimeUnit.SECONDS))
        .isEqualTo(EventSender.Result.DELIVERED);
    assertThat(service.next().body()).isEqualTo("[{\"a\":1},{\"b\":\"é\"}]");
  }

  @Test
  void a202WhoseBodyNeverEndsDoesNotHoldTheSender() throws Exception {
    service.replyWithEndlessBody();
    assertThat(sendAsync(batch("{\"n\":1}")).get(60, TimeUnit.SECONDS))
        .isEqualTo(EventSender.Result.DELIVERED);
    assertThat(sendAsync(batch("{\"n\":2}")).get(60, TimeUnit.SECONDS))
        .isEqualTo(EventSender.Result.DELIVERED);
    assertThat(service.next().body()).isEqualTo("[{\"n\":1}]");
    assertThat(service.next().body()).isEqualTo("[{\"n\":2}]");
    // the endless response's connection was dropped, not drained
    assertThat(service.connections()).isEqualTo(2);
  }

  @Test
  void emptyResponsesKeepTheConnection() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(sendAsync(batch("{}")).get(60, TimeUnit.SECONDS))
          .isEqualTo(EventSender.Result.DELIVERED);
    }
    assertThat(service.connections()).isEqualTo(1);
  }

  @Test
  void closeDuringAnEndlessBodyReturns() throws Exception {
    service.replyWithEndlessBody();
    CompletableFuture<EventSender.Result> sent = sendAsync(batch("{}"));
    service.next();
    CompletableFuture.runAsync(sender::close).get(60, TimeUnit.SECONDS);
    assertThat(sent.get(60, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void aRetryAfterOn429DelaysTheRetryWithTheSamePayloadId() throws Exception {
    service.reply(429, "Retry-After: 2");
    assertThat(sendAsync(batch("{\"r\":1}")).get(60, TimeUnit.SECONDS))
        .isEqualTo(EventSender.Result.DELIVERED);
    HostileEventService.Received first = service.next();
    HostileEventService.Received retry = service.next();
    assertThat(retry.payloadId()).isEqualTo(first.payloadId());
    assertThat(retry.body()).isEqualTo(first.body());
    // the retry delay is 10 ms: only the Retry-After can account for the wait
    assertThat(Duration.ofNanos(retry.nanos() - first.nanos())).isGreaterThanOrEqualTo(
        Duration.ofMillis(1_900));
  }

  @Test
  void aRetryAfterOnTheRetryAlsoHoldsBackTheNextBatch() throws Exception {
    service.reply(429, "Retry-After: 1").reply(429, "Retry-After: 1");
    assertThat(sendAsync(batch("{\"r\":1}")).get(60, TimeUnit.SECONDS))
        .isEqualTo(EventSender.Result.FAILED);
    assertThat(sendAsync(batch("{\"r\":2}")).get(60, TimeUnit.SECONDS))
        .isEqualTo(EventSender.Result.DELIVERED);
    service.next();
    HostileEventService.Received secondTry = service.next();
    HostileEventService.Received nextBatch = service.next();
    assertThat(nextBatch.body()).isEqualTo("[{\"r\":2}]");
    assertThat(Duration.ofNanos(nextBatch.nanos() - secondTry.nanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(log.linesWith("Dropped")).singleElement().asString()
        .contains("HTTP 429, Retry-After 1 s");
  }

  @Test
  void closeEndsAWaitForALongRetryAfter() throws Exception {
    service.reply(429, "Retry-After: 3600");
    CompletableFuture<EventSender.Result> sent = sendAsync(batch("{}"));
    service.next();
    sender.close();
    assertThat(sent.get(60, TimeUnit.SECONDS)).isEqualTo(EventSender.Result.FAILED);
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDateAndCappedAtAMinute() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    assertThat(HttpEventSender.retryAfterNanos("5", clock)).isEqualTo(5_000_000_000L);
    assertThat(HttpEventSender.retryAfterNanos(" 100000 ", clock)).isEqualTo(60_000_000_000L);
    assertThat(HttpEventSender.retryAfterNanos("Sun, 01 Mar 2026 12:00:30 GMT", clock))
        .isEqualTo(30_000_000_000L);
    assertThat(HttpEventSender.retryAfterNanos("Sun, 01 Mar 2026 11:00:00 GMT", clock)).isZero();
    for (String bad : List.of("", "-1", "soon", "99999999999999999999", "1.5")) {
      assertThat(HttpEventSender.retryAfterNanos(bad, clock)).as(bad).isZero();
    }
    assertThat(HttpEventSender.retryAfterNanos(null, clock)).isZero();
  }
}
