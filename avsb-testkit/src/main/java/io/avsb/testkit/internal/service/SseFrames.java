package io.avsb.testkit.internal.service;

import io.avsb.AvsbValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** Formats the protocol's server-sent events as wire text. Stateless and thread-safe. */
public final class SseFrames {
  /** A heartbeat: an SSE comment line. */
  public static final String HEARTBEAT = ":\n";
  /** A {@code put} whose JSON is cut short, for malformed-data tests. */
  public static final String MALFORMED_PUT = "event: put\ndata: {\"data\": {\"flags\": {\"broken\n\n";
  /** The first half of a {@code patch}: no line end, no blank line, so never a complete event. */
  public static final String HALF_EVENT = "event: patch\ndata: {\"path\": \"/flags/half\", \"data\": {\"key\": \"ha";

  private SseFrames() {}

  /** A {@code put} event carrying {@code allData} ({@code {"flags": ..., "segments": ...}}). */
  public static String put(AvsbValue allData) {
    return frame("put", object("data", allData));
  }

  /** A {@code patch} event for {@code /<kind>/<key>}. */
  public static String patch(String kind, String key, AvsbValue item) {
    Map<String, AvsbValue> body = new LinkedHashMap<>();
    body.put("path", AvsbValue.of("/" + kind + "/" + key));
    body.put("data", item);
    return frame("patch", new AvsbValue.Obj(body));
  }

  /** A {@code delete} event for {@code /<kind>/<key>} at {@code version}. */
  public static String delete(String kind, String key, int version) {
    Map<String, AvsbValue> body = new LinkedHashMap<>();
    body.put("path", AvsbValue.of("/" + kind + "/" + key));
    body.put("version", AvsbValue.of(version));
    return frame("delete", new AvsbValue.Obj(body));
  }

  private static AvsbValue object(String name, AvsbValue value) {
    Map<String, AvsbValue> body = new LinkedHashMap<>();
    body.put(name, value);
    return new AvsbValue.Obj(body);
  }

  // Compact JSON has no raw line breaks (they are escaped inside strings), so one data line suffices.
  private static String frame(String event, AvsbValue body) {
    return "event: " + event + "\ndata: " + body.toJson() + "\n\n";
  }
}
