package io.avsb.spi;

/**
 * Creates the data source of a server; set on the configuration builder. Implementations must be
 * thread-safe: one factory may serve several servers.
 */
@FunctionalInterface
public interface DataSourceFactory {
  /** Creates a data source that writes to {@code updates}. */
  DataSource create(DataSourceContext context, DataSourceUpdates updates);
}
