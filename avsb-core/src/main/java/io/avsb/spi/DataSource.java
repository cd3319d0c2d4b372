package io.avsb.spi;

import java.io.Closeable;
import java.util.concurrent.CompletionStage;

/**
 * A source of flag data for one server: the network stream, polling, a file, test data. It writes
 * what it receives to the {@link DataSourceUpdates} it was created with. Implementations must be
 * thread-safe; the server calls {@link #start()} once and {@link #close()} once.
 */
public interface DataSource extends Closeable {
  /**
   * Starts delivering data without blocking the caller. The stage completes with {@code true} once
   * the first full data set was delivered, or {@code false} when the source gave up for good (an
   * invalid SDK key, closed); it never completes exceptionally.
   */
  CompletionStage<Boolean> start();

  /** True once a full data set has been delivered. */
  boolean isInitialized();

  /** Stops the source and every thread it started; must not throw. */
  @Override
  void close();
}
