package io.avsb.internal.client;

import io.avsb.AvsbConfig;
import io.avsb.internal.datasource.FileDataSource;
import io.avsb.internal.datasource.OfflineDataSource;
import io.avsb.internal.datasource.PollingDataSource;
import io.avsb.internal.datasource.StreamingDataSource;
import io.avsb.internal.persist.PersistentStoreLink;
import io.avsb.spi.DataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a server's data source from its configuration: an explicit data source; else the flags
 * file; else offline (when asked for, or when there is no SDK key); else the network. Thread-safe.
 */
final class DataSourceChoice {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.datasource");
  private static final DataSourceFactory OFFLINE = (context, updates) -> new OfflineDataSource(updates);

  private DataSourceChoice() {}

  static DataSourceFactory choose(AvsbConfig config) {
    if (config.dataSource() != null) {
      return config.dataSource();
    }
    if (config.flagsFile() != null) {
      return FileDataSource.factory(config.flagsFile(), config.flagsFileCheckInterval(),
          config.maxDataBytes());
    }
    if (config.offline()) {
      LOG.info("A vs B runs offline because offline mode is set (offline(true)): no network"
          + " connection, every flag gives the caller's default");
      return OFFLINE;
    }
    if (config.sdkKey() == null) {
      LOG.info("A vs B runs offline because it has neither an SDK key nor a flags file: no"
          + " network connection, every flag gives the caller's default");
      return OFFLINE;
    }
    return network(config);
  }

  /**
   * The data source when a persistent store may be configured: in daemon mode the store itself
   * ({@code store} is null when it could not be created: the source then fails to start);
   * otherwise as {@link #choose(AvsbConfig)}.
   */
  static DataSourceFactory choose(AvsbConfig config, PersistentStoreLink store) {
    if (!config.daemonMode()) {
      return choose(config);
    }
    if (store == null) {
      return (context, updates) -> {
        throw new IllegalStateException("daemon mode needs the persistent store, which could not"
            + " be created");
      };
    }
    LOG.info("A vs B runs in daemon mode: flags come from the persistent store only");
    return store.follower();
  }

  /**
   * Whether the data source {@link #choose(AvsbConfig)} picks delivers data to write through to a
   * persistent store: any but offline and daemon mode.
   */
  static boolean writesThrough(AvsbConfig config) {
    if (config.daemonMode()) {
      return false;
    }
    return config.dataSource() != null || config.flagsFile() != null
        || (!config.offline() && config.sdkKey() != null);
  }

  /**
   * The one place where the network data source is chosen: streaming by default, polling when
   * {@link AvsbConfig#polling()} is set.
   */
  static DataSourceFactory network(AvsbConfig config) {
    if (config.polling()) {
      return (context, updates) -> new PollingDataSource(config, context, updates);
    }
    return (context, updates) -> new StreamingDataSource(config, context, updates);
  }
}
