package io.avsb;

import io.avsb.internal.client.ClientRuntime;
import java.io.Closeable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous A vs B client: {@link AvsbServer} for code built on {@link CompletionStage}s.
 * One per application, created at start-up and closed at shutdown.
 *
 * <p>The constructor starts the data source and returns at once. {@link #onReady()} completes when
 * the first full data set arrives. The getters of the helpers from {@link #forUser} wait for it
 * without blocking a thread, up to {@link AvsbConfig#startWait()} measured from construction, and
 * then evaluate; one timer serves every call. If the data has not come by then, a warning is
 * logged (as the synchronous constructor does) and flags give the caller's default with {@code
 * CLIENT_NOT_READY} until it comes; the data source keeps retrying. Stages that had to wait, and
 * {@link #onReady()}, complete on the server's notifier thread ({@code avsb-notifier-N}): chain slow
 * work with the {@code ...Async} methods of {@link CompletionStage}. Evaluation is shared with
 * {@link AvsbServer}. Nothing but a null configuration makes it throw. Thread-safe.
 *
 * <pre>{@code
 * AsyncAvsbServer server = new AsyncAvsbServer(AvsbConfig.builder(sdkKey).build());
 * server.forUser(Map.of("key", "u1")).getBoolFlag("checkout-v2", false)
 *     .thenAccept(on -> render(on));
 * }</pre>
 */
public final class AsyncAvsbServer implements Closeable {
  private final ClientRuntime runtime;
  private final AvsbServer sync;

  /** Creates a server with default configuration for {@code sdkKey}; does not wait. */
  public AsyncAvsbServer(String sdkKey) {
    this(AvsbConfig.builder(sdkKey).build());
  }

  /** Creates a server from {@code config} and starts its data source; does not wait. */
  public AsyncAvsbServer(AvsbConfig config) {
    this.runtime = new ClientRuntime(Objects.requireNonNull(config, "config"));
    runtime.readiness().startGate();
    this.sync = new AvsbServer(runtime);
  }

  /**
   * Completes when the first full data set has arrived; completes exceptionally with an {@link
   * AvsbNotReadyException} saying why when the data source gives up for good (such as a rejected
   * SDK key) or the server is closed first. It does not time out by itself while the source keeps
   * retrying: bound it with {@code toCompletableFuture().orTimeout(...)} if you must.
   */
  public CompletionStage<Void> onReady() {
    return runtime.readiness().onReady();
  }

  /** True once the first full data set has arrived. */
  public boolean isReady() {
    return runtime.readiness().isReady();
  }

  /**
   * A helper bound to {@code context}: cheap, immutable, safe to share across threads. An invalid
   * or null context gives a helper whose stages hold the default with {@code USER_NOT_SPECIFIED}.
   */
  public AsyncScopedAvsb forUser(AvsbContext context) {
    return runtime.forUserAsync(context);
  }

  /** A helper bound to the context described by {@code context} (see {@link AvsbContext#fromMap}). */
  public AsyncScopedAvsb forUser(Map<String, ?> context) {
    return forUser(AvsbContext.fromMap(context));
  }

  /**
   * The client-visible flags' values for {@code context}, after the same wait as the getters;
   * {@linkplain FeatureFlagsState#isValid() invalid} with no flags when the server is not ready by
   * then or the context is invalid.
   */
  public CompletionStage<FeatureFlagsState> allFlagsState(AvsbContext context) {
    return forUser(context).allFlagsState();
  }

  /** The server's figures now; see {@link AvsbServer#stats()}. */
  public AvsbStats stats() {
    return runtime.stats();
  }

  /** The data source's current state and last error. */
  public DataSourceStatus dataSourceStatus() {
    return runtime.dataSourceStatus();
  }

  /** The data source's status with change listeners and a blocking wait; see the interface. */
  public DataSourceStatusProvider dataSourceStatusProvider() {
    return runtime.statusProvider();
  }

  /**
   * The persistent store's status (such as Redis shared by a fleet) with change listeners; its
   * state is {@code NOT_CONFIGURED} when no store is set.
   */
  public StoreStatusProvider storeStatusProvider() {
    return runtime.storeStatusProvider();
  }

  /** Flag change and flag value change listeners; see the interface. */
  public FlagTracker flagTracker() {
    return runtime.flagTracker();
  }

  /** Asks for queued events to be sent now; does not wait for delivery. */
  public void flush() {
    runtime.flush();
  }

  /**
   * The synchronous view of this same server (the same data, listeners and events), for code that
   * wants plain values; its getters do not wait. Closing either closes both.
   */
  public AvsbServer sync() {
    return sync;
  }

  /**
   * Closes the data source, flushes and stops the event processor, completes a pending {@link
   * #onReady()} exceptionally and pending getters with their defaults, and stops every thread the
   * server started, within a bounded time. Idempotent.
   */
  @Override
  public void close() {
    runtime.close();
  }
}
