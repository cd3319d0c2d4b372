package io.avsb.internal.persist;

import io.avsb.AvsbValue;
import io.avsb.internal.log.LogText;
import io.avsb.spi.DataKind;
import io.avsb.spi.PersistentDataSet;
import io.avsb.spi.SerializedItem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts items between the JSON form data sources deliver and the text a persistent store holds.
 * Text read back from a store that is not a JSON object is skipped with one log line naming the
 * item, so one bad entry cannot keep the others out. Stateless and thread-safe.
 */
final class ItemJson {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.persistence");

  private ItemJson() {}

  /** {@code item} as stored text, with the version it carries (0 when it has none). */
  static SerializedItem serialize(AvsbValue item) {
    return new SerializedItem(item.get("version").intValue(), item.toJson());
  }

  /** The tombstone of item {@code key} deleted at {@code version}. */
  static SerializedItem tombstone(String key, int version) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("key", key);
    t.put("version", version);
    t.put("deleted", true);
    return new SerializedItem(version, AvsbValue.fromJava(t).toJson());
  }

  /** Every item of a full data set ({@code {"flags": {...}, "segments": {...}}}) as stored text. */
  static PersistentDataSet serializeDataSet(AvsbValue allData) {
    return new PersistentDataSet(serializeAll(allData.get("flags")),
        serializeAll(allData.get("segments")), -1);
  }

  private static Map<String, SerializedItem> serializeAll(AvsbValue items) {
    Map<String, SerializedItem> out = new HashMap<>();
    if (items instanceof AvsbValue.Obj o) {
      o.values().forEach((key, json) -> out.put(key, serialize(json)));
    }
    return out;
  }

  /** The JSON of a stored item, or null (logged once here) when its text is not a JSON object. */
  static AvsbValue parse(DataKind kind, String key, SerializedItem item) {
    String error;
    try {
      AvsbValue json = AvsbValue.parse(item.json());
      if (json instanceof AvsbValue.Obj) {
        return json;
      }
      error = "not a JSON object";
    } catch (IllegalArgumentException e) {
      error = e.getMessage();
    }
    LOG.warn("Skipped {} {} read from the persistent store: its JSON is malformed ({})",
        kind == DataKind.FLAGS ? "flag" : "segment", LogText.of(key), LogText.of(error));
    return null;
  }

  /** A stored data set as a full data set for the flag store, without its malformed items. */
  static AvsbValue toAllData(PersistentDataSet data) {
    Map<String, AvsbValue> all = new LinkedHashMap<>();
    for (DataKind kind : DataKind.values()) {
      Map<String, AvsbValue> items = new LinkedHashMap<>();
      data.items(kind).forEach((key, item) -> {
        AvsbValue json = parse(kind, key, item);
        if (json != null) {
          items.put(key, json);
        }
      });
      all.put(kind.jsonName(), new AvsbValue.Obj(items));
    }
    return new AvsbValue.Obj(all);
  }
}
