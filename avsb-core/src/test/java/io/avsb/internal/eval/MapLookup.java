package io.avsb.internal.eval;

import io.avsb.AvsbValue;
import io.avsb.internal.store.DataLookup;
import io.avsb.internal.store.Flag;
import io.avsb.internal.store.FlagParser;
import io.avsb.internal.store.Segment;
import java.util.HashMap;
import java.util.Map;

/** A {@link DataLookup} over a parsed payload {@code {"flags": {...}, "segments": {...}}}. */
final class MapLookup implements DataLookup {
  private final Map<String, Flag> flags = new HashMap<>();
  private final Map<String, Segment> segments = new HashMap<>();

  static MapLookup of(String payloadJson) {
    MapLookup lookup = new MapLookup();
    AvsbValue payload = AvsbValue.parse(payloadJson);
    if (payload.get("flags") instanceof AvsbValue.Obj o) {
      o.values().forEach((k, v) -> lookup.flags.put(k, FlagParser.parseFlag(k, v)));
    }
    if (payload.get("segments") instanceof AvsbValue.Obj o) {
      o.values().forEach((k, v) -> lookup.segments.put(k, FlagParser.parseSegment(k, v)));
    }
    return lookup;
  }

  @Override
  public Flag flag(String key) {
    Flag f = flags.get(key);
    return f == null || f.deleted() ? null : f;
  }

  @Override
  public Segment segment(String key) {
    Segment s = segments.get(key);
    return s == null || s.deleted() ? null : s;
  }
}
