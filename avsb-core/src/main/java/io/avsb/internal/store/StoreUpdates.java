package io.avsb.internal.store;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.internal.datasource.DataSourceStatusTracker;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What data sources write to: parses items with {@link FlagParser} (once, before they enter the
 * store) and applies them to a {@link FlagStore}; passes status reports to a {@link
 * DataSourceStatusTracker}. An item marked {@code "deleted": true} is stored as a tombstone.
 * Thread-safe.
 */
public final class StoreUpdates implements DataSourceUpdates {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.store");

  private final FlagStore store;
  private final DataSourceStatusTracker status;

  /** Updates that write to {@code store} and report to {@code status}. */
  public StoreUpdates(FlagStore store, DataSourceStatusTracker status) {
    this.store = Objects.requireNonNull(store, "store");
    this.status = Objects.requireNonNull(status, "status");
  }

  @Override
  public boolean init(AvsbValue allData) {
    if (!(allData instanceof AvsbValue.Obj)) {
      LOG.error("Rejected a full data set that is not a JSON object; keeping the last good data");
      return false;
    }
    AvsbValue flagsJson = allData.get("flags");
    AvsbValue segmentsJson = allData.get("segments");
    if (!isObjectOrNull(flagsJson) || !isObjectOrNull(segmentsJson)) {
      LOG.error("Rejected a full data set whose \"flags\" or \"segments\" is not a JSON object;"
          + " keeping the last good data");
      return false;
    }
    Map<String, StoredItem<Flag>> flags = new HashMap<>();
    if (flagsJson instanceof AvsbValue.Obj o) {
      o.values().forEach((key, json) -> flags.put(key, flagItem(key, json)));
    }
    Map<String, StoredItem<Segment>> segments = new HashMap<>();
    if (segmentsJson instanceof AvsbValue.Obj o) {
      o.values().forEach((key, json) -> segments.put(key, segmentItem(key, json)));
    }
    // a full data set makes the source valid; reported before the data is visible so that whoever
    // sees the server ready also sees VALID
    if (status.current().state() != DataSourceStatus.State.OFF) {
      status.update(DataSourceStatus.State.VALID, null);
    }
    store.init(flags, segments);
    LOG.debug("Stored a full data set of {} flags and {} segments", flags.size(), segments.size());
    return true;
  }

  @Override
  public boolean upsert(DataKind kind, String key, AvsbValue item) {
    if (kind == null || key == null || !(item instanceof AvsbValue.Obj)) {
      LOG.error("Rejected an update of {} that is not a JSON object with a key", kind);
      return false;
    }
    StoredItem<?> parsed =
        kind == DataKind.FLAGS ? flagItem(key, item) : segmentItem(key, item);
    return store.upsert(kind, key, parsed);
  }

  @Override
  public boolean delete(DataKind kind, String key, int version) {
    if (kind == null || key == null) {
      LOG.error("Rejected a delete without kind or key");
      return false;
    }
    return store.upsert(kind, key, StoredItem.tombstone(version));
  }

  @Override
  public void updateStatus(DataSourceStatus.State state, DataSourceStatus.ErrorInfo error) {
    if (state == null) {
      LOG.error("Ignored a data source status report without a state");
      return;
    }
    status.update(state, error);
  }

  private static boolean isObjectOrNull(AvsbValue v) {
    return v.isNull() || v instanceof AvsbValue.Obj;
  }

  private static StoredItem<Flag> flagItem(String key, AvsbValue json) {
    int version = FlagParser.version(json);
    if (json.get("deleted").booleanValue()) {
      return StoredItem.tombstone(version);
    }
    // a malformed flag is logged by the parser and kept, so that it evaluates to MALFORMED_FLAG
    return new StoredItem<>(version, FlagParser.parseFlag(key, json));
  }

  private static StoredItem<Segment> segmentItem(String key, AvsbValue json) {
    int version = FlagParser.version(json);
    if (json.get("deleted").booleanValue()) {
      return StoredItem.tombstone(version);
    }
    return new StoredItem<>(version, FlagParser.parseSegment(key, json));
  }
}
