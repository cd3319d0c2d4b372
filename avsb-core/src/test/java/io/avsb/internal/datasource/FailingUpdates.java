package io.avsb.internal.datasource;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;

/**
 * Updates that throw a given {@link Throwable} from the first full data set they are given (as a
 * store that runs out of memory on a huge data set would), then pass everything on.
 */
public final class FailingUpdates implements DataSourceUpdates {
  private final DataSourceUpdates delegate;
  private Throwable first;

  public FailingUpdates(DataSourceUpdates delegate, Throwable first) {
    this.delegate = delegate;
    this.first = first;
  }

  @Override
  public boolean init(AvsbValue allData) {
    Throwable t;
    synchronized (this) {
      t = first;
      first = null;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    return delegate.init(allData);
  }

  @Override
  public boolean upsert(DataKind kind, String key, AvsbValue item) {
    return delegate.upsert(kind, key, item);
  }

  @Override
  public boolean delete(DataKind kind, String key, int version) {
    return delegate.delete(kind, key, version);
  }

  @Override
  public void updateStatus(DataSourceStatus.State state, DataSourceStatus.ErrorInfo error) {
    delegate.updateStatus(state, error);
  }
}
