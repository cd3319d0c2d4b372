package io.avsb.spi;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;

/**
 * Where a data source writes: the server's flag store and status. Items are given in their JSON
 * form (the A vs B flag model); the store parses and preprocesses them, keeping the last good data
 * if a payload is unusable. Thread-safe.
 */
public interface DataSourceUpdates {
  /**
   * Replaces all data with {@code allData}: {@code {"flags": {KEY: flag}, "segments": {KEY:
   * segment}}}. A malformed item is kept as malformed (evaluating it gives {@code MALFORMED_FLAG})
   * and does not stop the others. Returns false, changing nothing, if {@code allData} is not an
   * object.
   */
  boolean init(AvsbValue allData);

  /**
   * Inserts or replaces one item if its {@code version} is higher than the stored one's (or no
   * item or tombstone is stored). Returns whether it was applied.
   */
  boolean upsert(DataKind kind, String key, AvsbValue item);

  /**
   * Deletes one item, leaving a tombstone with {@code version}, if {@code version} is higher than
   * the stored one's. Returns whether it was applied.
   */
  boolean delete(DataKind kind, String key, int version);

  /** Reports the source's state; {@code error} may be null. */
  void updateStatus(DataSourceStatus.State state, DataSourceStatus.ErrorInfo error);
}
