package io.avsb.internal.datasource;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one test double of {@link DataSourceUpdates}, lent to the other modules' tests through
 * core's test-jar: a small real store that keeps items per kind with the protocol's version rule
 * (tombstones on delete) and records every call in order, for checking what a data source sent.
 * Thread-safe.
 */
public final class RecordingUpdates implements DataSourceUpdates {
  /** One call: {@code op} is init, upsert, delete or status. */
  public record Call(String op, DataKind kind, String key, AvsbValue value, int version) {}

  /** One status report. */
  public record Status(DataSourceStatus.State state, DataSourceStatus.ErrorInfo error) {}

  private final Map<DataKind, Map<String, AvsbValue>> items = new EnumMap<>(DataKind.class);
  private final Map<DataKind, Map<String, Integer>> tombstones = new EnumMap<>(DataKind.class);
  private final List<Call> calls = new ArrayList<>();
  private final List<Status> statuses = new ArrayList<>();

  /** An empty store. */
  public RecordingUpdates() {
    for (DataKind k : DataKind.values()) {
      items.put(k, new LinkedHashMap<>());
      tombstones.put(k, new LinkedHashMap<>());
    }
  }

  @Override
  public synchronized boolean init(AvsbValue allData) {
    calls.add(new Call("init", null, null, allData, 0));
    if (!(allData instanceof AvsbValue.Obj)) {
      return false;
    }
    for (DataKind k : DataKind.values()) {
      items.get(k).clear();
      tombstones.get(k).clear();
      if (allData.get(k.jsonName()) instanceof AvsbValue.Obj o) {
        items.get(k).putAll(o.values());
      }
    }
    return true;
  }

  @Override
  public synchronized boolean upsert(DataKind kind, String key, AvsbValue item) {
    calls.add(new Call("upsert", kind, key, item, item.get("version").intValue()));
    if (item.get("version").intValue() <= storedVersion(kind, key)) {
      return false;
    }
    tombstones.get(kind).remove(key);
    items.get(kind).put(key, item);
    return true;
  }

  @Override
  public synchronized boolean delete(DataKind kind, String key, int version) {
    calls.add(new Call("delete", kind, key, null, version));
    if (version <= storedVersion(kind, key)) {
      return false;
    }
    items.get(kind).remove(key);
    tombstones.get(kind).put(key, version);
    return true;
  }

  @Override
  public synchronized void updateStatus(DataSourceStatus.State state, DataSourceStatus.ErrorInfo error) {
    statuses.add(new Status(state, error));
  }

  /** The stored items of {@code kind} by key. */
  public synchronized Map<String, AvsbValue> items(DataKind kind) {
    return Map.copyOf(items.get(kind));
  }

  /** The stored item, or null when absent or deleted. */
  public synchronized AvsbValue item(DataKind kind, String key) {
    return items.get(kind).get(key);
  }

  /** The stored items of {@code kind} in the shape of a full data set's section, in stored order. */
  public synchronized AvsbValue section(DataKind kind) {
    return new AvsbValue.Obj(new LinkedHashMap<>(items.get(kind)));
  }

  /** Every call so far, oldest first. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Every status report so far, oldest first. */
  public synchronized List<Status> statuses() {
    return List.copyOf(statuses);
  }

  /** The states of {@link #statuses()}. */
  public synchronized List<DataSourceStatus.State> states() {
    return statuses.stream().map(Status::state).toList();
  }

  /** The last reported state, or null. */
  public synchronized DataSourceStatus.State lastState() {
    return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).state();
  }

  private int storedVersion(DataKind kind, String key) {
    AvsbValue item = items.get(kind).get(key);
    if (item != null) {
      return item.get("version").intValue();
    }
    return tombstones.get(kind).getOrDefault(key, -1);
  }
}
