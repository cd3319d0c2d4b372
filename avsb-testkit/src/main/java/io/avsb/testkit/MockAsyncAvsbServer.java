package io.avsb.testkit;

import io.avsb.AsyncAvsbServer;
import io.avsb.AsyncScopedAvsb;
import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The async twin of {@link MockAvsbServer}: a real {@link AsyncAvsbServer} over {@link TestData},
 * with analytics events off, that records what the code under test did through the helpers it
 * hands out, for assertions. Test data is delivered as the server starts, so {@link
 * AsyncAvsbServer#onReady()} is already complete and stages are complete when returned.
 *
 * <pre>{@code
 * MockAsyncAvsbServer mock = MockAsyncAvsbServer.create();
 * mock.testData().update(mock.testData().flag("checkout-v2").variationForUser("u1", true));
 * AsyncScopedAvsb avsb = mock.forUser(Map.of("key", "u1"));
 * codeUnderTest(avsb).toCompletableFuture().join();
 * assertThat(mock.evaluations("checkout-v2")).hasSize(1);
 * }</pre>
 *
 * <p>An evaluation is recorded when its stage completes; {@code track} and {@code identify} when
 * called. Only helpers from {@link #forUser} are recorded: calls made through {@link #server()}
 * are evaluated by the same server but not recorded. Thread-safe: helpers may be used from any
 * thread, and the accessors return snapshots.
 */
public final class MockAsyncAvsbServer implements Closeable {
  private final TestData testData;
  private final AsyncAvsbServer server;
  private final Recorder recorder = new Recorder();

  private MockAsyncAvsbServer(TestData testData) {
    this.testData = Objects.requireNonNull(testData, "testData");
    this.server = new AsyncAvsbServer(
        AvsbConfig.builder(null).dataSource(testData).eventsEnabled(false).build());
  }

  /** A mock server over its own, empty {@link TestData}. */
  public static MockAsyncAvsbServer create() {
    return new MockAsyncAvsbServer(TestData.create());
  }

  /** A mock server over {@code testData}; changes to it are seen at once. */
  public static MockAsyncAvsbServer create(TestData testData) {
    return new MockAsyncAvsbServer(testData);
  }

  /** The test data this server reads. */
  public TestData testData() {
    return testData;
  }

  /** The real server, for code that needs an {@link AsyncAvsbServer}; its helpers are not recorded. */
  public AsyncAvsbServer server() {
    return server;
  }

  /** A recording helper for {@code context}, delegating to the real server's helper. */
  public AsyncScopedAvsb forUser(AvsbContext context) {
    return new RecordingAsyncScopedAvsb(server.forUser(context), recorder);
  }

  /** A recording helper for the context described by {@code context} (see {@link AvsbContext#fromMap}). */
  public AsyncScopedAvsb forUser(Map<String, ?> context) {
    return forUser(AvsbContext.fromMap(context));
  }

  /** Every flag evaluation recorded since creation or {@link #reset()}, in completion order. */
  public List<RecordedEvaluation> evaluations() {
    return recorder.evaluations();
  }

  /** The recorded evaluations of flag {@code flagKey}, in completion order. */
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
