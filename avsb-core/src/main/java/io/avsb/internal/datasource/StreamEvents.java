package io.avsb.internal.datasource;

import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies the stream's events to a {@link DataSourceUpdates}: {@code put} (full replace), {@code
 * patch} (one item) and {@code delete} (one item, at a version). Each event is parsed and checked
 * completely before anything is written, so a malformed event changes nothing. Stateless and
 * thread-safe.
 */
public final class StreamEvents {
  /** What an event did. */
  public enum Outcome {
    /** A {@code put} replaced all data. */
    PUT,
    /** A {@code patch} or {@code delete} was handed to the store (which may keep a newer version). */
    ITEM,
    /** An event of a kind this SDK does not know; ignored. */
    IGNORED
  }

  private StreamEvents() {}

  /**
   * Applies {@code event} to {@code updates}.
   *
   * @throws StreamDataException when a known event is malformed; nothing was applied
   */
  public static Outcome apply(SseEvent event, DataSourceUpdates updates) throws StreamDataException {
    switch (event.type()) {
      case "put" -> {
        AvsbValue body = parse(event);
        AvsbValue all = allData(body.get("data"), "put event's \"data\"");
        if (!updates.init(all)) {
          throw new StreamDataException("the store refused the put event's data");
        }
        return Outcome.PUT;
      }
      case "patch" -> {
        AvsbValue body = parse(event);
        ItemPath path = path(body, "patch");
        AvsbValue item = body.get("data");
        if (!(item instanceof AvsbValue.Obj)) {
          throw new StreamDataException("patch event for " + path.describe() + " has no \"data\" object");
        }
        updates.upsert(path.kind(), path.key(), item);
        return Outcome.ITEM;
      }
      case "delete" -> {
        AvsbValue body = parse(event);
        ItemPath path = path(body, "delete");
        AvsbValue version = body.get("version");
        if (!version.isInt() || version.doubleValue() < 0 || version.doubleValue() > Integer.MAX_VALUE) {
          throw new StreamDataException("delete event for " + path.describe() + " has no valid \"version\"");
        }
        updates.delete(path.kind(), path.key(), version.intValue());
        return Outcome.ITEM;
      }
      default -> {
        return Outcome.IGNORED;
      }
    }
  }

  /**
   * Checks a full data set ({@code {"flags": {...}, "segments": {...}}}, as in a {@code put} or a
   * polling response) and returns it with both kinds present.
   *
   * @throws StreamDataException naming {@code what} when it is not such an object
   */
  public static AvsbValue allData(AvsbValue value, String what) throws StreamDataException {
    if (!(value instanceof AvsbValue.Obj)) {
      throw new StreamDataException(what + " is not a JSON object");
    }
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    for (DataKind kind : DataKind.values()) {
      AvsbValue items = value.get(kind.jsonName());
      if (items.isNull()) {
        items = new AvsbValue.Obj(Map.of());
      } else if (!(items instanceof AvsbValue.Obj)) {
        throw new StreamDataException(what + " has a \"" + kind.jsonName() + "\" that is not an object");
      }
      out.put(kind.jsonName(), items);
    }
    return new AvsbValue.Obj(out);
  }

  private static AvsbValue parse(SseEvent event) throws StreamDataException {
    try {
      return JsonCodec.parse(event.data());
    } catch (IllegalArgumentException e) {
      throw new StreamDataException(event.type() + " event is not valid JSON", e);
    }
  }

  private static ItemPath path(AvsbValue body, String event) throws StreamDataException {
    String path = body.get("path").stringValue();
    if (path == null) {
      throw new StreamDataException(event + " event has no \"path\"");
    }
    for (DataKind kind : DataKind.values()) {
      String prefix = "/" + kind.jsonName() + "/";
      if (path.startsWith(prefix) && path.length() > prefix.length()) {
        return new ItemPath(kind, path.substring(prefix.length()));
      }
    }
    throw new StreamDataException(event + " event has a path of unknown shape");
  }

  private record ItemPath(DataKind kind, String key) {
    String describe() {
      return "/" + kind.jsonName() + "/" + key;
    }
  }
}
