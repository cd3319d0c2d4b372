package io.avsb.testkit;

import io.avsb.DataSourceStatus;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceUpdates;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The data source of one server reading a {@link TestData}: registered while running. */
final class TestDataSource implements DataSource {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.testkit");
  private final TestData owner;
  private final DataSourceUpdates updates;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean initialized;

  TestDataSource(TestData owner, DataSourceUpdates updates) {
    this.owner = owner;
    this.updates = updates;
  }

  @Override
  public CompletionStage<Boolean> start() {
    if (!started.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(initialized);
    }
    try {
      if (!owner.start(this, updates)) {
        return CompletableFuture.completedFuture(false);
      }
      initialized = true;
      updates.updateStatus(DataSourceStatus.State.VALID, null);
      return CompletableFuture.completedFuture(true);
    } catch (RuntimeException e) {
      LOG.warn("Test data: the server rejected the initial data set: {}", e.toString());
      return CompletableFuture.completedFuture(false);
    }
  }

  @Override
  public boolean isInitialized() {
    return initialized;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      owner.remove(this);
      try {
        updates.updateStatus(DataSourceStatus.State.OFF, null);
      } catch (RuntimeException e) {
        LOG.debug("Test data: status update on close failed: {}", e.toString());
      }
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  DataSourceUpdates updates() {
    return updates;
  }
}
