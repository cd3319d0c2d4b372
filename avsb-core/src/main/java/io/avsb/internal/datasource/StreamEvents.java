package io.avsb.internal.datasource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import io.avsb.internal.log.LogText;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the stream's events to a {@link DataSourceUpdates}: {@code put} (full replace), {@code
 * patch} (one item) and {@code delete} (one item, at a version). A {@code put} is handed to the
 * store item by item as it is parsed (see {@link DataSet}); the store applies it only once it has
 * been read completely, so a malformed event changes nothing. JSON is read with the limits of
 * {@link JsonCodec#factory(int)}; a number too large for a double makes its item malformed, not the
 * event. A {@code patch} or {@code delete} for a kind of item this SDK does not know (a newer
 * service's) is ignored, with one INFO line per kind. Thread-safe.
 */
public final class StreamEvents {
  /** What an event did. */
  public enum Outcome {
    /** A {@code put} replaced all data. */
    PUT,
    /** A {@code patch} or {@code delete} was handed to the store (which may keep a newer version). */
    ITEM,
    /** An event of a type, or for an item kind, this SDK does not know; ignored. */
    IGNORED
  }

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.datasource");
  // a hostile service could name endless kinds: only so many are remembered (and logged)
  private static final int MAX_UNKNOWN_KINDS = 16;

  private final JsonFactory json;
  private final Set<String> unknownKinds = ConcurrentHashMap.newKeySet();

  /** Events whose data may hold up to {@code maxBytes} (see {@link JsonCodec#factory(int)}). */
  public StreamEvents(int maxBytes) {
    this.json = JsonCodec.factory(maxBytes);
  }

  /**
   * Applies {@code event} to {@code updates}.
   *
   * @throws StreamDataException when a known event is malformed; nothing was applied
   */
  public Outcome apply(SseEvent event, DataSourceUpdates updates) throws StreamDataException {
    switch (event.type()) {
      case "put" -> {
        boolean stored;
        try {
          stored = DataSetUpdates.init(updates, items -> readPut(event, items));
        } catch (StreamDataException e) {
          throw e;
        } catch (IOException e) {
          throw new StreamDataException(JsonCodec.problem("put event", e, json), e);
        }
        if (!stored) {
          throw new StreamDataException("the store refused the put event's data");
        }
        return Outcome.PUT;
      }
      case "patch" -> {
        Map<String, Field> body = fields(event);
        ItemPath path = path(body, "patch");
        if (path == null) {
          return Outcome.IGNORED;
        }
        Field item = body.get("data");
        if (item == null || !(item.value() instanceof AvsbValue.Obj)) {
          throw new StreamDataException("patch event for " + path.describe() + " has no \"data\" object");
        }
        DataSetUpdates.upsert(updates, path.kind(), path.key(), item.value(), item.problem());
        return Outcome.ITEM;
      }
      case "delete" -> {
        Map<String, Field> body = fields(event);
        ItemPath path = path(body, "delete");
        if (path == null) {
          return Outcome.IGNORED;
        }
        AvsbValue version = body.containsKey("version") ? body.get("version").value() : AvsbValue.NULL;
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

  private void readPut(SseEvent event, DataSet.Items items) throws IOException {
    try (JsonParser p = json.createParser(event.reader())) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(p, "no JSON content");
      }
      boolean found = false;
      if (t == JsonToken.START_OBJECT) {
        for (t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          if (p.nextToken() == JsonToken.START_OBJECT && name.equals("data") && !found) {
            DataSetReader.read(p, "put event's \"data\"", items);
            found = true;
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
      DataSetReader.expectEnd(p);
      if (!found) {
        throw new StreamDataException("put event's \"data\" is not a JSON object");
      }
    }
  }

  /** The top-level properties of an event, each read on its own (a bad number spoils only it). */
  private Map<String, Field> fields(SseEvent event) throws StreamDataException {
    Map<String, Field> out = new HashMap<>();
    try (JsonParser p = json.createParser(event.reader())) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(p, "no JSON content");
      }
      if (t == JsonToken.START_OBJECT) {
        for (t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          DataSetReader.Problem problem = new DataSetReader.Problem();
          AvsbValue value = JsonCodec.readLenient(p, p.nextToken(), problem);
          out.put(name, new Field(value, problem.text));
        }
      } else {
        p.skipChildren();
      }
      DataSetReader.expectEnd(p);
      return out;
    } catch (IOException e) {
      throw new StreamDataException(JsonCodec.problem(event.type() + " event", e, json), e);
    }
  }

  /** The item the event names, or null when it is of a kind this SDK does not know. */
  private ItemPath path(Map<String, Field> body, String event) throws StreamDataException {
    Field field = body.get("path");
    String path = field == null ? null : field.value().stringValue();
    if (path == null) {
      throw new StreamDataException(event + " event has no \"path\"");
    }
    int slash = path.indexOf('/', 1);
    if (!path.startsWith("/") || slash < 2 || slash == path.length() - 1) {
      throw new StreamDataException(event + " event has a path of unknown shape");
    }
    String kindName = path.substring(1, slash);
    for (DataKind kind : DataKind.values()) {
      if (kind.jsonName().equals(kindName)) {
        return new ItemPath(kind, path.substring(slash + 1));
      }
    }
    if (unknownKinds.size() < MAX_UNKNOWN_KINDS && unknownKinds.add(kindName)) {
      LOG.info("Ignoring {} and later events for items of kind {}, which this SDK does not know"
          + " (it knows flags and segments)", event, LogText.of(kindName));
    } else {
      LOG.debug("Ignoring a {} event for an item of unknown kind {}", event, LogText.of(kindName));
    }
    return null;
  }

  private record Field(AvsbValue value, String problem) {}

  private record ItemPath(DataKind kind, String key) {
    String describe() {
      return LogText.of("/" + kind.jsonName() + "/" + key);
    }
  }
}
