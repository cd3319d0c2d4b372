package io.avsb;

import java.io.Closeable;
import java.time.Duration;
import java.util.Map;

/**
 * The synchronous A vs B client: one per application. CONTRACT SKELETON: the server work
 * implements these signatures.
 */
public final class AvsbServer implements Closeable {

  /** Creates a server with default configuration for {@code sdkKey}, waiting up to the start wait. */
  public AvsbServer(String sdkKey) {
    this(AvsbConfig.builder(sdkKey).build());
  }

  /** Creates a server from {@code config}, waiting up to its start wait for the first data. */
  public AvsbServer(AvsbConfig config) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** A configuration builder whose {@link AvsbConfig.Builder#buildServer()} makes a server. */
  public static AvsbConfig.Builder builder(String sdkKey) {
    return AvsbConfig.builder(sdkKey);
  }

  /** Waits up to {@code timeout} for the first full data set; true when ready. */
  public boolean waitForReady(Duration timeout) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** True once the first full data set has arrived. */
  public boolean isReady() {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** A helper bound to {@code context}. */
  public ScopedAvsb forUser(AvsbContext context) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** A helper bound to the context described by {@code context} (see {@link AvsbContext#fromMap}). */
  public ScopedAvsb forUser(Map<String, ?> context) {
    return forUser(AvsbContext.fromMap(context));
  }

  /** The client-visible flags' values for {@code context}. */
  public FeatureFlagsState allFlagsState(AvsbContext context) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** Asks for queued events to be sent now. */
  public void flush() {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** Flushes events and stops every thread, within a bounded time. */
  @Override
  public void close() {
    throw new UnsupportedOperationException("contract skeleton");
  }
}
