package io.avsb.testkit;

import io.avsb.AsyncAvsbServer;
import io.avsb.AsyncScopedAvsb;
import io.avsb.AvsbContext;
import java.util.Map;

/**
 * The async twin of {@link MockAvsbServer}: a real {@link AsyncAvsbServer} over {@link TestData},
 * with analytics events off, that records what the code under test did with it (evaluations,
 * {@code track}, {@code identify}), for assertions. Test data is delivered as the server starts,
 * so {@link AsyncAvsbServer#onReady()} is already complete and stages are complete when returned.
 *
 * <pre>{@code
 * MockAsyncAvsbServer mock = MockAsyncAvsbServer.create();
 * mock.testData().update(mock.testData().flag("checkout-v2").variationForUser("u1", true));
 * AsyncScopedAvsb avsb = mock.forUser(Map.of("key", "u1"));
 * codeUnderTest(avsb).toCompletableFuture().join();
 * assertThat(mock.evaluations("checkout-v2")).hasSize(1);
 * }</pre>
 *
 * <p>Recording uses the SDK's {@link io.avsb.spi.AvsbHook}, as {@link MockAvsbServer} does, so
 * calls through {@link #server()} (and its {@link AsyncAvsbServer#sync()} view) are recorded as
 * well as those through {@link #forUser}; an evaluation is recorded when it is made, that is when
 * its stage completes. Evaluations for an invalid context are not recorded (hooks get no context
 * for them). Thread-safe: helpers may be used from any thread, and the accessors return
 * snapshots.
 */
public final class MockAsyncAvsbServer extends RecordingMock {
  private final AsyncAvsbServer server;

  private MockAsyncAvsbServer(TestData testData) {
    super(testData);
    this.server = new AsyncAvsbServer(config());
  }

  /** A mock server over its own, empty {@link TestData}. */
  public static MockAsyncAvsbServer create() {
    return new MockAsyncAvsbServer(TestData.create());
  }

  /** A mock server over {@code testData}; changes to it are seen at once. */
  public static MockAsyncAvsbServer create(TestData testData) {
    return new MockAsyncAvsbServer(testData);
  }

  /** The real server, for code that needs an {@link AsyncAvsbServer}; what it is asked is recorded. */
  public AsyncAvsbServer server() {
    return server;
  }

  /** The real server's helper for {@code context}; what it is asked is recorded. */
  public AsyncScopedAvsb forUser(AvsbContext context) {
    return server.forUser(context);
  }

  /** The real server's helper for the context described by {@code context} (see {@link AvsbContext#fromMap}). */
  public AsyncScopedAvsb forUser(Map<String, ?> context) {
    return forUser(AvsbContext.fromMap(context));
  }

  /** Closes the real server; its data source stops receiving test data updates. Idempotent. */
  @Override
  public void close() {
    server.close();
  }
}
