package io.avsb.testkit;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real {@link AvsbServer} over {@link TestData}, with analytics events off, that records what
 * the code under test did with it (evaluations, {@code track}, {@code identify}), for assertions.
 *
 * <pre>{@code
 * MockAvsbServer mock = MockAvsbServer.create();
 * mock.testData().update(mock.testData().flag("checkout-v2").variationForUser("u1", true));
 * ScopedAvsb avsb = mock.forUser(Map.of("key", "u1"));
 * codeUnderTest(avsb);
 * assertThat(mock.trackedEvents("purchase")).hasSize(1);
 * }</pre>
 *
 * <p>Recording uses the SDK's {@link io.avsb.spi.AvsbHook}, so calls through {@link #server()}
 * (for example by the servlet or JAX-RS layer) are recorded as well as those through {@link
 * #forUser}. Evaluations for an invalid context are not recorded (hooks get no context for them);
 * they return the default as always. Thread-safe: helpers may be used from any thread, and the
 * accessors return snapshots.
 */
public final class MockAvsbServer implements Closeable {
  private final TestData testData;
  private final AvsbServer server;
  private final Recorder recorder = new Recorder();

  private MockAvsbServer(TestData testData) {
    this.testData = Objects.requireNonNull(testData, "testData");
    this.server = new AvsbServer(
        AvsbConfig.builder(null).dataSource(testData).eventsEnabled(false).hooks(recorder).build());
  }

  /** A mock server over its own, empty {@link TestData}. */
  public static MockAvsbServer create() {
    return new MockAvsbServer(TestData.create());
  }

  /** A mock server over {@code testData}; changes to it are seen at once. */
  public static MockAvsbServer create(TestData testData) {
    return new MockAvsbServer(testData);
  }

  /** The test data this server reads. */
  public TestData testData() {
    return testData;
  }

  /** The real server, for code that needs an {@link AvsbServer}; what it is asked is recorded. */
  public AvsbServer server() {
    return server;
  }

  /** The real server's helper for {@code context}; what it is asked is recorded. */
  public ScopedAvsb forUser(AvsbContext context) {
    return server.forUser(context);
  }

  /** The real server's helper for the context described by {@code context} (see {@link AvsbContext#fromMap}). */
  public ScopedAvsb forUser(Map<String, ?> context) {
    return forUser(AvsbContext.fromMap(context));
  }

  /** Every flag evaluation recorded since creation or {@link #reset()}, oldest first. */
  public List<RecordedEvaluation> evaluations() {
    return recorder.evaluations();
  }

  /** The recorded evaluations of flag {@code flagKey}, oldest first. */
  public List<RecordedEvaluation> evaluations(String flagKey) {
    return evaluations().stream().filter(e -> Objects.equals(e.flagKey(), flagKey)).toList();
  }

  /** Every {@code track} call recorded since creation or {@link #reset()}, oldest first. */
  public List<TrackedEvent> trackedEvents() {
    return recorder.tracked();
  }

  /** The recorded {@code track} calls for event {@code eventKey}, oldest first. */
  public List<TrackedEvent> trackedEvents(String eventKey) {
    return trackedEvents().stream().filter(e -> Objects.equals(e.eventKey(), eventKey)).toList();
  }

  /** The contexts of every {@code identify} call recorded, oldest first. */
  public List<AvsbContext> identifiedContexts() {
    return recorder.identified();
  }

  /** Forgets everything recorded so far; the flags are unchanged. */
  public void reset() {
    recorder.clear();
  }

  /** Closes the real server; its data source stops receiving test data updates. Idempotent. */
  @Override
  public void close() {
    server.close();
  }
}
