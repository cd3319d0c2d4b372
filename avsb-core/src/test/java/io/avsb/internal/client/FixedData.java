package io.avsb.internal.client;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceFactory;
import io.avsb.spi.DataSourceUpdates;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A data source for tests: delivers one full data set when started, and hands out its updates so
 * that a test can apply further changes.
 */
public final class FixedData implements DataSourceFactory {
  private final AvsbValue data;
  private volatile DataSourceUpdates updates;

  private FixedData(AvsbValue data) {
    this.data = data;
  }

  /** A source delivering {@code json}, a full data set. */
  public static FixedData of(String json) {
    return new FixedData(AvsbValue.parse(json));
  }

  /** The updates of the last source created, for further changes. */
  public DataSourceUpdates updates() {
    return updates;
  }

  @Override
  public DataSource create(io.avsb.spi.DataSourceContext context, DataSourceUpdates updates) {
    this.updates = updates;
    return new DataSource() {
      private volatile boolean initialized;

      @Override
      public CompletionStage<Boolean> start() {
        initialized = updates.init(data);
        updates.updateStatus(DataSourceStatus.State.VALID, null);
        return CompletableFuture.completedFuture(initialized);
      }

      @Override
      public boolean isInitialized() {
        return initialized;
      }

      @Override
      public void close() {}
    };
  }
}
