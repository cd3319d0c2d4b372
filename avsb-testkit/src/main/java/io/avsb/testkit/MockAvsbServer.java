package io.avsb.testkit;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import java.util.Map;

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
public final class MockAvsbServer extends RecordingMock {
  private final AvsbServer server;

  private MockAvsbServer(TestData testData) {
    super(testData);
    this.server = new AvsbServer(config());
  }

  /** A mock server over its own, empty {@link TestData}. */
  public static MockAvsbServer create() {
    return new MockAvsbServer(TestData.create());
  }

  /** A mock server over {@code testData}; changes to it are seen at once. */
  public static MockAvsbServer create(TestData testData) {
    return new MockAvsbServer(testData);
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

  /** Closes the real server; its data source stops receiving test data updates. Idempotent. */
  @Override
  public void close() {
    server.close();
  }
}
