package io.avsb;

import io.avsb.internal.client.ClientRuntime;
import java.io.Closeable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The synchronous A vs B client: one per application, created at start-up and closed at shutdown.
 *
 * <p>Where the flags come from is set by the {@link AvsbConfig}: a custom data source, a flags
 * file, nothing (offline: when asked for, or when there is no SDK key, every flag gives the
 * caller's default), or the A vs B service. The constructor starts the data source and waits up to
 * {@link AvsbConfig#startWait()} for the first data; if none arrives it logs a warning and returns
 * anyway, and flags give the caller's default with {@code CLIENT_NOT_READY} until the data comes.
 * Nothing but a null configuration makes it throw. Thread-safe.
 */
public final class AvsbServer implements Closeable {
  private final ClientRuntime runtime;

  /** Creates a server with default configuration for {@code sdkKey}, waiting up to the start wait. */
  public AvsbServer(String sdkKey) {
    this(AvsbConfig.builder(sdkKey).build());
  }

  /** Creates a server from {@code config}, waiting up to its start wait for the first data. */
  public AvsbServer(AvsbConfig config) {
    this.runtime = new ClientRuntime(Objects.requireNonNull(config, "config"));
    runtime.readiness().awaitStart();
  }

  /** A synchronous view of a running runtime (the async server's {@code sync()}); waits for nothing. */
  AvsbServer(ClientRuntime runtime) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /** A configuration builder whose {@link AvsbConfig.Builder#buildServer()} makes a server. */
  public static AvsbConfig.Builder builder(String sdkKey) {
    return AvsbConfig.builder(sdkKey);
  }

  /**
   * Waits up to {@code timeout} for the first full data set; true when ready, false on timeout or
   * when the data source gave up (see {@link #dataSourceStatus()} for why). Never throws; an
   * interrupt ends the wait and stays set.
   */
  public boolean waitForReady(Duration timeout) {
    return runtime.readiness().waitForReady(timeout);
  }

  /** True once the first full data set has arrived. */
  public boolean isReady() {
    return runtime.readiness().isReady();
  }

  /**
   * A helper bound to {@code context}: cheap, immutable, safe to share across threads. An invalid
   * or null context gives a helper whose getters return the default with {@code
   * USER_NOT_SPECIFIED}.
   */
  public ScopedAvsb forUser(AvsbContext context) {
    return runtime.forUser(context);
  }

  /** A helper bound to the context described by {@code context} (see {@link AvsbContext#fromMap}). */
  public ScopedAvsb forUser(Map<String, ?> context) {
    return forUser(AvsbContext.fromMap(context));
  }

  /**
   * The client-visible flags' values for {@code context}; {@linkplain FeatureFlagsState#isValid()
   * invalid} with no flags when the server is not ready or the context is invalid.
   */
  public FeatureFlagsState allFlagsState(AvsbContext context) {
    return runtime.allFlagsState(context);
  }

  /**
   * As {@link #allFlagsState(AvsbContext)}, with {@code options}: {@link FlagsStateOption#ALL_FLAGS}
   * includes the flags not available to client-side code. Records no analytics event and calls no
   * hook.
   */
  public FeatureFlagsState allFlagsState(AvsbContext context, FlagsStateOption... options) {
    return runtime.allFlagsState(context, has(options, FlagsStateOption.ALL_FLAGS));
  }

  private static boolean has(FlagsStateOption[] options, FlagsStateOption option) {
    if (options != null) {
      for (FlagsStateOption o : options) {
        if (o == option) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Flag count, time of the last data, stream connections and event counts, read now; cheap
   * enough for a health probe or a metrics scrape, not meant for every request.
   */
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
   * Closes the data source, flushes and stops the event processor, and stops every thread the
   * server started, within a bounded time. Idempotent. Flags read after close still give the last
   * data's values.
   */
  @Override
  public void close() {
    runtime.close();
  }
}
