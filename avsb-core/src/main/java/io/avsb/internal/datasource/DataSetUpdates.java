package io.avsb.internal.datasource;

import io.avsb.AvsbValue;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;
import java.io.IOException;

/**
 * A {@link DataSourceUpdates} that can also take a full data set item by item, and items that
 * could be read only in part: the kit's own store implements it, so the kit's data sources load a
 * data set of any size without holding its parse tree. Thread-safe.
 */
public interface DataSetUpdates extends DataSourceUpdates {
  /**
   * Replaces all data with the items of {@code data} once it has been read completely; a read that
   * fails changes nothing and its exception is thrown. Returns false, changing nothing, when the
   * store refuses the data.
   */
  boolean init(DataSet data) throws IOException;

  /**
   * As {@link #upsert(DataKind, String, AvsbValue)}; a non-null {@code problem} (why the item cannot
   * be used) stores the item as malformed at the version read from {@code item}.
   */
  boolean upsert(DataKind kind, String key, AvsbValue item, String problem);

  /**
   * Applies {@code data} to {@code updates}: item by item when it is a {@code DataSetUpdates}, else
   * as one JSON value.
   */
  static boolean init(DataSourceUpdates updates, DataSet data) throws IOException {
    if (updates instanceof DataSetUpdates items) {
      return items.init(data);
    }
    return updates.init(data.toValue());
  }

  /**
   * Applies an upsert to {@code updates}, with the problem when it is a {@code DataSetUpdates},
   * else as an item that is not an object (so malformed in any store).
   */
  static boolean upsert(DataSourceUpdates updates, DataKind kind, String key, AvsbValue item,
      String problem) {
    if (updates instanceof DataSetUpdates items) {
      return items.upsert(kind, key, item, problem);
    }
    return updates.upsert(kind, key, problem == null ? item : AvsbValue.of("unusable item: " + problem));
  }
}
