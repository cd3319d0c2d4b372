package io.avsb.testkit;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small real {@link DataSourceUpdates}: a versioned in-memory store (upserts and deletes apply
 * only with a higher version) that also logs every call, for checking what a data source sent.
 */
final class RecordingUpdates implements DataSourceUpdates {
  /** One call received. */
  record Call(String method, DataKind kind, String key, AvsbValue data, int version) {}

  private final List<Call> calls = new ArrayList<>();
  private final Map<DataKind, Map<String, AvsbValue>> items = new LinkedHashMap<>();
  private final Map<DataKind, Map<String, Integer>> versions = new LinkedHashMap<>();
  private final List<DataSourceStatus.State> states = new ArrayList<>();

  @Override
  public synchronized boolean init(AvsbValue allData) {
    calls.add(new Call("init", null, null, allData, 0));
    if (!(allData instanceof AvsbValue.Obj)) {
      return false;
    }
    items.clear();
    versions.clear();
    for (DataKind kind : DataKind.values()) {
      AvsbValue byKey = allData.get(kind.jsonName());
      if (byKey instanceof AvsbValue.Obj obj) {
        obj.values().forEach((key, item) -> {
          items(kind).put(key, item);
          versions(kind).put(key, item.get("version").intValue());
        });
      }
    }
    return true;
  }

  @Override
  public synchronized boolean upsert(DataKind kind, String key, AvsbValue item) {
    int version = item.get("version").intValue();
    calls.add(new Call("upsert", kind, key, item, version));
    if (versions(kind).getOrDefault(key, 0) >= version) {
      return false;
    }
    items(kind).put(key, item);
    versions(kind).put(key, version);
    return true;
  }

  @Override
  public synchronized boolean delete(DataKind kind, String key, int version) {
    calls.add(new Call("delete", kind, key, null, version));
    if (versions(kind).getOrDefault(key, 0) >= version) {
      return false;
    }
    items(kind).remove(key);
    versions(kind).put(key, version);
    return true;
  }

  @Override
  public synchronized void updateStatus(DataSourceStatus.State state, DataSourceStatus.ErrorInfo error) {
    states.add(state);
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<DataSourceStatus.State> states() {
    return List.copyOf(states);
  }

  /** The stored item, or null when absent or deleted. */
  synchronized AvsbValue item(DataKind kind, String key) {
    return items(kind).get(key);
  }

  /** The stored items of {@code kind}, in the shape of a full data set's section. */
  synchronized AvsbValue section(DataKind kind) {
    return new AvsbValue.Obj(items(kind));
  }

  private Map<String, AvsbValue> items(DataKind kind) {
    return items.computeIfAbsent(kind, k -> new LinkedHashMap<>());
  }

  private Map<String, Integer> versions(DataKind kind) {
    return versions.computeIfAbsent(kind, k -> new LinkedHashMap<>());
  }
}
