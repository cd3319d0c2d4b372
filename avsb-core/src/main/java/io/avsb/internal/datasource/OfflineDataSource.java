package io.avsb.internal.datasource;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceUpdates;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The data source of a server that makes no connection: it delivers an empty data set at once, so
 * the server is ready and every flag gives the caller's default with {@code FLAG_NOT_FOUND}.
 * Thread-safe.
 */
public final class OfflineDataSource implements DataSource {
  private static final AvsbValue EMPTY_DATA = AvsbValue.fromJava(Map.of("flags", Map.of(), "segments", Map.of()));

  private final DataSourceUpdates updates;
  private final AtomicBoolean initialized = new AtomicBoolean();

  /** A source that will write an empty data set to {@code updates}. */
  public OfflineDataSource(DataSourceUpdates updates) {
    this.updates = Objects.requireNonNull(updates, "updates");
  }

  @Override
  public CompletionStage<Boolean> start() {
    updates.init(EMPTY_DATA);
    updates.updateStatus(DataSourceStatus.State.VALID, null);
    initialized.set(true);
    return CompletableFuture.completedFuture(true);
  }

  @Override
  public boolean isInitialized() {
    return initialized.get();
  }

  @Override
  public void close() {
    updates.updateStatus(DataSourceStatus.State.OFF, null);
  }
}
