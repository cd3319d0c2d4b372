package io.avsb;

import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceFactory;
import io.avsb.spi.DataSourceUpdates;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A data source driven by the test: it delivers nothing until told to, so that a test decides when
 * the server becomes ready, or that the source gives up.
 */
public final class ManualSource implements DataSourceFactory {
  private final CompletableFuture<DataSourceUpdates> updates = new CompletableFuture<>();
  private final CompletableFuture<Boolean> started = new CompletableFuture<>();
  /** Set when the server closed the source. */
  public final AtomicBoolean closed = new AtomicBoolean();

  /** The updates the server gave the source, once it created it. */
  public DataSourceUpdates updates() {
    try {
      return updates.get(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new AssertionError("the server did not create the data source", e);
    }
  }

  /** Delivers a full data set, as a source's first {@code put}, and reports VALID. */
  public void deliver(String allDataJson) {
    DataSourceUpdates u = updates();
    if (!u.init(AvsbValue.parse(allDataJson))) {
      throw new AssertionError("the data set was rejected: " + allDataJson);
    }
    u.updateStatus(DataSourceStatus.State.VALID, null);
    started.complete(true);
  }

  /** Stops for good with an error response of {@code status}, as on a rejected SDK key. */
  public void giveUp(int status) {
    updates().updateStatus(DataSourceStatus.State.OFF, new DataSourceStatus.ErrorInfo(
        DataSourceStatus.ErrorKind.ERROR_RESPONSE, status, "HTTP " + status, Instant.now()));
    started.complete(false);
  }

  @Override
  public DataSource create(DataSourceContext context, DataSourceUpdates u) {
    updates.complete(u);
    return new DataSource() {
      @Override
      public CompletionStage<Boolean> start() {
        return started;
      }

      @Override
      public boolean isInitialized() {
        return started.getNow(false);
      }

      @Override
      public void close() {
        closed.set(true);
        started.complete(false);
      }
    };
  }
}
