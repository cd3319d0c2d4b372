package io.avsb.internal.store;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.internal.datasource.DataSet;
import io.avsb.internal.datasource.DataSetUpdates;
import io.avsb.internal.log.LogText;
import io.avsb.spi.DataKind;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What data sources write to: parses items with {@link FlagParser} (once, before they enter the
 * store) and applies them to a {@link FlagStore}; passes status reports to a {@link
 * DataSourceStatusTracker}. An item marked {@code "deleted": true} is stored as a tombstone. A full
 * data set can also come item by item ({@link DataSetUpdates#init(DataSet)}): each item is parsed as
 * it arrives and its JSON dropped, so loading holds the new model objects, never the parse tree of
 * the whole set.
 *
 * <p>Malformed items are logged once per data set, as one WARN line with their count and the
 * first few keys and reasons (a data set with the same malformed items as the last one logs it at
 * DEBUG); a malformed item from a single update logs one WARN line. Service-supplied keys are
 * escaped ({@link LogText}).
 *
 * <p>When its {@link FlagChangeSink} is active, each applied update also reports the flags it may
 * have changed: the updated flag, or every flag whose version, presence or deletion differs after a
 * full data set, together with every flag depending on a changed item (see {@link
 * DependencyGraph}). This runs on the writing thread, never on the evaluation path; nothing is
 * computed while the sink is inactive. Thread-safe.
 */
public final class StoreUpdates implements DataSetUpdates {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.store");

  private final FlagStore store;
  private final DataSourceStatusTracker status;
  private final FlagChangeSink changes;
  // Writes hold it so that the store, the graph and the order of change reports agree.
  private final Object writeLock = new Object();
  // Kept only while the sink is active (built from the store when it becomes so); guarded by
  // writeLock.
  private DependencyGraph graph;
  // The malformed-items line of the last data set, so that a repeat (a reconnect loop) is not
  // logged again at WARN; guarded by writeLock.
  private String lastMalformed;

  /** Updates that write to {@code store} and report to {@code status}, reporting no changes. */
  public StoreUpdates(FlagStore store, DataSourceStatusTracker status) {
    this(store, status, FlagChangeSink.NONE);
  }

  /** Updates as above that report the flags each update changed to {@code changes}. */
  public StoreUpdates(FlagStore store, DataSourceStatusTracker status, FlagChangeSink changes) {
    this.store = Objects.requireNonNull(store, "store");
    this.status = Objects.requireNonNull(status, "status");
    this.changes = Objects.requireNonNull(changes, "changes");
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
    DataSetLoad load = new DataSetLoad();
    if (flagsJson instanceof AvsbValue.Obj o) {
      o.values().forEach((key, json) -> load.item(DataKind.FLAGS, key, json, null));
    }
    if (segmentsJson instanceof AvsbValue.Obj o) {
      o.values().forEach((key, json) -> load.item(DataKind.SEGMENTS, key, json, null));
    }
    publish(load);
    return true;
  }

  @Override
  public boolean init(DataSet data) throws IOException {
    DataSetLoad load = new DataSetLoad();
    data.read(load);
    publish(load);
    return true;
  }

  private void publish(DataSetLoad load) {
    Snapshot loaded = load.snapshot();
    // a full data set makes the source valid; reported before the data is visible so that whoever
    // sees the server ready also sees VALID
    if (status.current().state() != DataSourceStatus.State.OFF) {
      status.update(DataSourceStatus.State.VALID, null);
    }
    synchronized (writeLock) {
      // asked before the write: whoever sees the new data (a reader woken by readiness) and adds
      // a listener then must not be told of that very data as a change
      boolean active = changes.active();
      // logged before the data is visible, so whoever sees it can also see why an item is malformed
      String malformed = load.malformedSummary();
      if (malformed != null && !malformed.equals(lastMalformed)) {
        LOG.warn("{}", malformed);
      } else if (malformed != null) {
        LOG.debug("{} (as in the last data set)", malformed);
      }
      lastMalformed = malformed;
      Snapshot old = store.init(loaded);
      if (active) {
        DependencyGraph before = graph != null ? graph : DependencyGraph.of(old);
        graph = DependencyGraph.of(loaded);
        Set<DependencyGraph.Node> changed = changedItems(old, loaded);
        Set<String> affected = new TreeSet<>(before.affectedFlags(changed));
        affected.addAll(graph.affectedFlags(changed));
        report(affected);
      } else {
        graph = null;
      }
    }
    LOG.debug("Stored a full data set of {} flags and {} segments ({} items not read straight from"
        + " the JSON tokens)", load.flagCount(), load.segmentCount(), load.valueReads());
  }

  @Override
  public boolean upsert(DataKind kind, String key, AvsbValue item) {
    return upsert(kind, key, item, null);
  }

  @Override
  public boolean upsert(DataKind kind, String key, AvsbValue item, String problem) {
    if (kind == null || key == null || !(item instanceof AvsbValue.Obj)) {
      LOG.error("Rejected an update of {} that is not a JSON object with a key", kind);
      return false;
    }
    StoredItem<?> parsed = DataSetLoad.parse(kind, key, item, problem, null);
    boolean applied = apply(kind, key, parsed);
    String error = DataSetLoad.malformedError(parsed.item());
    if (applied && error != null) {
      LOG.warn("{} {} (version {}) from an update is malformed and {}: {}",
          kind == DataKind.FLAGS ? "Flag" : "Segment", LogText.of(key), parsed.version(),
          DataSetLoad.consequence(kind), error);
    }
    return applied;
  }

  @Override
  public boolean delete(DataKind kind, String key, int version) {
    if (kind == null || key == null) {
      LOG.error("Rejected a delete without kind or key");
      return false;
    }
    return apply(kind, key, StoredItem.tombstone(version));
  }

  private boolean apply(DataKind kind, String key, StoredItem<?> item) {
    synchronized (writeLock) {
      boolean active = changes.active();
      if (!store.upsert(kind, key, item)) {
        return false;
      }
      if (!active) {
        graph = null;
        return true;
      }
      if (graph == null) {
        graph = DependencyGraph.of(store.snapshot());
      } else {
        graph.set(kind, key, item.item());
      }
      report(graph.affectedFlags(Set.of(new DependencyGraph.Node(kind, key))));
      return true;
    }
  }

  private void report(Set<String> affected) {
    if (affected.isEmpty()) {
      return;
    }
    try {
      changes.flagsChanged(affected);
    } catch (RuntimeException e) {
      LOG.warn("Reporting flag changes failed: {}", e.toString());
    }
  }

  /** Items present in one snapshot only, or present in both at different versions. */
  private static Set<DependencyGraph.Node> changedItems(Snapshot old, Snapshot now) {
    Set<DependencyGraph.Node> out = new HashSet<>();
    addChanged(DataKind.FLAGS, old.flags(), now.flags(), out);
    addChanged(DataKind.SEGMENTS, old.segments(), now.segments(), out);
    return out;
  }

  private static <T> void addChanged(DataKind kind, Map<String, StoredItem<T>> old,
      Map<String, StoredItem<T>> now, Set<DependencyGraph.Node> out) {
    Set<String> keys = new HashSet<>(old.keySet());
    keys.addAll(now.keySet());
    for (String key : keys) {
      StoredItem<T> a = old.get(key);
      StoredItem<T> b = now.get(key);
      boolean hadItem = a != null && !a.isDeleted();
      boolean hasItem = b != null && !b.isDeleted();
      if (hadItem != hasItem || (hasItem && a.version() != b.version())) {
        out.add(new DependencyGraph.Node(kind, key));
      }
    }
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
}
