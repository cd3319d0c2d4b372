package io.avsb.internal.client;

import io.avsb.AvsbConfig;
import io.avsb.internal.datasource.FileDataSource;
import io.avsb.internal.datasource.OfflineDataSource;
import io.avsb.internal.datasource.PollingDataSource;
import io.avsb.internal.datasource.StreamingDataSource;
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
      LOG.info("A vs B runs offline because offline mode is set: no network connection,"
          + " every flag gives the caller's default");
      return OFFLINE;
    }
    if (config.sdkKey() == null) {
      LOG.info("A vs B runs offline because no SDK key was given and no flags file is set:"
          + " every flag gives the caller's default");
      return OFFLINE;
    }
    return network(config);
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
