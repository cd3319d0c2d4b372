package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import io.avsb.internal.events.CustomEvent;
import io.avsb.internal.events.DefaultEventProcessor;
import io.avsb.internal.events.EvaluationEvent;
import io.avsb.internal.events.HttpEventSender;
import io.avsb.internal.events.IdentifyEvent;
import io.avsb.testkit.AvsbTestService.Endpoint;
import io.avsb.testkit.AvsbTestService.EventPost;
import io.avsb.testkit.AvsbTestService.Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event processor delivering over HTTP (Apache HttpClient 5) to a real local service. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String KEY = "sdk-test-key";
  private static final AvsbContext USER =
      AvsbContext.builder("u1").name("Ann").set("email", "ann@example.com").build();

  private AvsbTestService service;
  private DefaultEventProcessor processor;

  @BeforeEach
  void startService() {
    service = new AvsbTestService().start();
  }

  @AfterEach
  void closeAll() {
    if (processor != null) {
      processor.close();
    }
    service.close();
  }

  private AvsbConfig.Builder config() {
    return AvsbConfig.builder(KEY).eventsUri(service.uri()).flushInterval(Duration.ofHours(1));
  }

  private DefaultEventProcessor start(AvsbConfig.Builder builder, Duration closeTimeout) {
    AvsbConfig config = builder.build();
    processor = new DefaultEventProcessor(
        config, new HttpEventSender(config, Duration.ofMillis(20)), closeTimeout);
    return processor;
  }

  private DefaultEventProcessor start(AvsbConfig.Builder builder) {
    return start(builder, Duration.ofSeconds(5));
  }

  private static CustomEvent custom(String key) {
    return new CustomEvent(1_000, USER, key, AvsbValue.NULL, null);
  }

  private static List<String> kinds(AvsbValue payload) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < payload.size(); i++) {
      out.add(payload.get(i).get("kind").stringValue());
    }
    return out;
  }

  private static long countKind(List<EventPost> posts, String kind) {
    long n = 0;
    for (EventPost p : posts) {
      n += kinds(p.payload()).stream().filter(kind::equals).count();
    }
    return n;
  }

  private static List<String> eventThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("avsb-event")) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void batchIsPostedWithProtocolHeadersAndEventShapes() {
    service.expectedSdkKey(KEY);
    DefaultEventProcessor p = start(config().privateAttributes("email"));
    p.recordIdentify(new IdentifyEvent(100, USER));
    p.recordEvaluation(new EvaluationEvent(200, USER, "checkout-v2", 4, 1, AvsbValue.TRUE,
        AvsbValue.FALSE, EvaluationReason.ruleMatch(0, "r1", true), null, true, false));
    p.recordCustom(new CustomEvent(300, USER, "purchase",
        AvsbValue.parse("{\"currency\":\"usd\"}"), 149.99));
    p.flush();

    EventPost post = service.awaitEvents(1, WAIT).get(0);
    assertThat(post.header("Content-Type")).isEqualTo("application/json");
    assertThat(post.header("X-Avsb-Event-Schema")).isEqualTo("1");
    assertThat(UUID.fromString(post.header("X-Avsb-Payload-Id"))).isNotNull();
    assertThat(post.header("Authorization")).isEqualTo(KEY);
    assertThat(post.header("User-Agent")).startsWith("AvsbJava/");

    AvsbValue payload = post.payload();
    assertThat(kinds(payload)).containsExactly("identify", "feature", "custom", "summary");
    String context = "{\"kind\":\"user\",\"key\":\"u1\",\"name\":\"Ann\","
        + "\"_meta\":{\"redactedAttributes\":[\"email\"]}}";
    assertThat(payload.get(0)).isEqualTo(AvsbValue.parse(
        "{\"kind\":\"identify\",\"creationDate\":100,\"context\":" + context + "}"));
    assertThat(payload.get(1)).isEqualTo(AvsbValue.parse(
        "{\"kind\":\"feature\",\"creationDate\":200,\"key\":\"checkout-v2\",\"version\":4,"
            + "\"context\":" + context + ",\"variation\":1,\"value\":true,\"default\":false,"
            + "\"reason\":{\"kind\":\"RULE_MATCH\",\"ruleIndex\":0,\"ruleId\":\"r1\","
            + "\"inExperiment\":true}}"));
    assertThat(payload.get(2)).isEqualTo(AvsbValue.parse(
        "{\"kind\":\"custom\",\"creationDate\":300,\"key\":\"purchase\","
            + "\"contextKeys\":{\"user\":\"u1\"},\"data\":{\"currency\":\"usd\"},"
            + "\"metricValue\":149.99}"));
    assertThat(payload.get(3)).isEqualTo(AvsbValue.parse(
        "{\"kind\":\"summary\",\"startDate\":200,\"endDate\":200,\"features\":{"
            + "\"checkout-v2\":{\"default\":false,\"contextKinds\":[\"user\"],"
            + "\"counters\":[{\"variation\":1,\"version\":4,\"value\":true,\"count\":1}]}}}"));
  }

  @Test
  void slowEndpointNeverBlocksCallersAndEveryEventIsDeliveredOrCounted() throws Exception {
    int capacity = 1_000;
    service.delayResponses(Endpoint.EVENTS, Duration.ofMillis(300));
    DefaultEventProcessor p = start(config().eventCapacity(capacity));
    // a delivery is held up by the slow endpoint while the calls below are made
    p.recordIdentify(new IdentifyEvent(1, USER));
    p.flush();
    service.awaitRequests(Endpoint.EVENTS, 1, WAIT);

    AtomicInteger overCapacity = new AtomicInteger();
    ExecutorService callers = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      done.add(callers.submit(() -> {
        for (int i = 0; i < 6_250; i++) {
          p.recordCustom(custom("buy"));
          if (p.heldEventCount() > capacity) {
            overCapacity.incrementAndGet();
          }
          if (i % 1_000 == 0) {
            p.flush();
          }
        }
      }));
    }
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS); // every call returned
    }
    callers.shutdown();
    assertThat(overCapacity.get()).isZero();
    assertThat(p.droppedEventCount()).isPositive();

    p.close();
    List<EventPost> posts = service.events();
    long delivered = countKind(posts, "custom");
    assertThat(delivered).isPositive();
    assertThat(delivered + p.droppedEventCount()).isEqualTo(25_000);
    assertThat(service.requests(Endpoint.EVENTS)).hasSameSizeAs(posts);
    assertThat(eventThreads()).isEmpty();
  }

  @Test
  void serverErrorIsRetriedOnceWithTheSamePayloadId() {
    service.failNext(Endpoint.EVENTS, 1, 500);
    DefaultEventProcessor p = start(config());
    p.recordCustom(custom("buy"));
    p.flush();

    List<EventPost> posts = service.awaitEvents(1, WAIT);
    List<Request> requests = service.requests(Endpoint.EVENTS);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).header("X-Avsb-Payload-Id"))
        .isEqualTo(requests.get(0).header("X-Avsb-Payload-Id"));
    assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
    p.close();
    assertThat(service.events()).hasSize(1);
    assertThat(countKind(posts, "custom")).isEqualTo(1);
  }

  @Test
  void batchIsDroppedAfterTwoRetryableFailuresAndTheNextOneIsSent() {
    service.failNext(Endpoint.EVENTS, 2, 429);
    DefaultEventProcessor p = start(config());
    p.recordCustom(custom("lost"));
    p.flush();
    service.awaitRequests(Endpoint.EVENTS, 2, WAIT);
    await().atMost(WAIT).until(() -> p.heldEventCount() == 0);
    p.recordCustom(custom("kept"));
    p.flush();

    EventPost post = service.awaitEvents(1, WAIT).get(0);
    List<Request> requests = service.requests(Endpoint.EVENTS);
    assertThat(requests).hasSize(3);
    assertThat(post.header("X-Avsb-Payload-Id"))
        .isNotEqualTo(requests.get(0).header("X-Avsb-Payload-Id"));
    assertThat(post.payload().get(0).get("key").stringValue()).isEqualTo("kept");
  }

  @Test
  void clientErrorDropsTheBatchWithoutRetry() {
    service.failNext(Endpoint.EVENTS, 1, 400);
    DefaultEventProcessor p = start(config());
    p.recordCustom(custom("rejected"));
    p.flush();
    service.awaitRequests(Endpoint.EVENTS, 1, WAIT);
    await().atMost(WAIT).until(() -> p.heldEventCount() == 0);
    p.recordCustom(custom("next"));
    p.flush();

    assertThat(service.awaitEvents(1, WAIT).get(0).payload().get(0).get("key").stringValue())
        .isEqualTo("next");
    assertThat(service.requests(Endpoint.EVENTS)).hasSize(2);
  }

  @Test
  void rejectedKeyStopsSendingForGood() {
    service.expectedSdkKey("the-right-key");
    DefaultEventProcessor p = start(config());
    p.recordCustom(custom("first"));
    p.flush();
    service.awaitRequests(Endpoint.EVENTS, 1, WAIT);
    await().atMost(WAIT).until(p::isStopped);

    p.recordCustom(custom("second"));
    p.flush();
    p.close();
    assertThat(service.requests(Endpoint.EVENTS)).hasSize(1);
    assertThat(service.events()).isEmpty();
    assertThat(p.heldEventCount()).isZero();
  }

  @Test
  void forbiddenIsNotRetriedAndStopsSending() {
    service.failNext(Endpoint.EVENTS, 1, 403);
    DefaultEventProcessor p = start(config());
    p.recordCustom(custom("first"));
    p.flush();
    await().atMost(WAIT).until(p::isStopped);
    p.recordCustom(custom("second"));
    p.close();
    assertThat(service.requests(Endpoint.EVENTS)).hasSize(1);
  }

  @Test
  void networkErrorIsRetriedOnce() throws Exception {
    // a server that accepts connections and closes them without answering
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      Thread acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket s = socket.accept()) {
            connections.incrementAndGet();
            s.getInputStream().read();
          } catch (IOException e) {
            return;
          }
        }
      }, "test-hang-up-server");
      acceptor.setDaemon(true);
      acceptor.start();
      URI uri = URI.create("http://127.0.0.1:" + socket.getLocalPort());
      DefaultEventProcessor p = start(config().eventsUri(uri).eventCapacity(2));
      p.recordCustom(custom("x"));
      p.flush();
      await().atMost(WAIT).until(() -> connections.get() >= 2 && p.heldEventCount() == 0);
      p.close();
      assertThat(connections.get()).isEqualTo(2);
    }
  }

  @Test
  void closeDeliversWhatIsHeldAndLeavesNoThreads() {
    DefaultEventProcessor p = start(config());
    p.recordCustom(custom("on-close"));
    p.close();
    assertThat(countKind(service.events(), "custom")).isEqualTo(1);
    assertThat(eventThreads()).isEmpty();
    p.close();
  }

  @Test
  void closeReturnsWhenTheEndpointHangsAndLeavesNoThreads() {
    service.delayResponses(Endpoint.EVENTS, Duration.ofMinutes(5));
    DefaultEventProcessor p = start(config(), Duration.ofMillis(300));
    p.recordCustom(custom("stuck"));
    p.flush();
    service.awaitRequests(Endpoint.EVENTS, 1, WAIT);
    p.close();
    assertThat(eventThreads()).isEmpty();
    assertThat(service.events()).isEmpty();
  }
}
