package io.avsb.internal.events;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.json.ReasonJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The oracle for {@link EventJsonWriter}: the value-tree form of each output event kind ({@code
 * feature}, {@code index}, {@code identify}, {@code custom}, {@code summary}) exactly as the event
 * thread built it before it wrote JSON directly, then wrote with {@code
 * JsonCodec.write(tree).getBytes(UTF_8)}. Kept in test code only. Immutable and thread-safe.
 */
final class TreeEventOutputs {
  private final TreeContextRedactor redactor;

  /** Outputs whose contexts are redacted by {@code redactor}. */
  TreeEventOutputs(TreeContextRedactor redactor) {
    this.redactor = redactor;
  }

  /** A full {@code feature} event for one evaluation. */
  AvsbValue feature(EvaluationEvent e) {
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    out.put("kind", AvsbValue.of("feature"));
    out.put("creationDate", AvsbValue.of(e.creationDate()));
    out.put("key", AvsbValue.of(e.flagKey()));
    if (e.flagVersion() >= 0) {
      out.put("version", AvsbValue.of(e.flagVersion()));
    }
    out.put("context", redactor.redact(e.context()));
    if (e.variation() >= 0) {
      out.put("variation", AvsbValue.of(e.variation()));
    }
    out.put("value", e.value());
    out.put("default", e.defaultValue());
    if (e.withReason() || e.reason().inExperiment()) {
      out.put("reason", ReasonJson.of(e.reason()));
    }
    if (e.prereqOf() != null) {
      out.put("prereqOf", AvsbValue.of(e.prereqOf()));
    }
    return new AvsbValue.Obj(out);
  }

  /** An {@code index} event introducing {@code context}. */
  AvsbValue index(long creationDate, AvsbContext context) {
    return withContext("index", creationDate, context);
  }

  /** An {@code identify} event. */
  AvsbValue identify(IdentifyEvent e) {
    return withContext("identify", e.creationDate(), e.context());
  }

  private AvsbValue withContext(String kind, long creationDate, AvsbContext context) {
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    out.put("kind", AvsbValue.of(kind));
    out.put("creationDate", AvsbValue.of(creationDate));
    out.put("context", redactor.redact(context));
    return new AvsbValue.Obj(out);
  }

  /** A {@code custom} event; it names the context by its keys only. */
  AvsbValue custom(CustomEvent e) {
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    out.put("kind", AvsbValue.of("custom"));
    out.put("creationDate", AvsbValue.of(e.creationDate()));
    out.put("key", AvsbValue.of(e.key()));
    Map<String, AvsbValue> keys = new LinkedHashMap<>();
    for (AvsbContext c : e.context().individualContexts()) {
      keys.put(c.kind(), AvsbValue.of(c.key()));
    }
    out.put("contextKeys", new AvsbValue.Obj(keys));
    if (!e.data().isNull()) {
      out.put("data", e.data());
    }
    if (e.metricValue() != null && Double.isFinite(e.metricValue())) {
      out.put("metricValue", AvsbValue.of(e.metricValue()));
    }
    return new AvsbValue.Obj(out);
  }

  /** The {@code summary} event of one flush interval. */
  AvsbValue summary(EventSummary s) {
    Map<String, AvsbValue> features = new LinkedHashMap<>();
    for (Map.Entry<String, EventSummary.FlagCounts> e : s.flags().entrySet()) {
      EventSummary.FlagCounts f = e.getValue();
      List<AvsbValue> kinds = new ArrayList<>(f.contextKinds().size());
      for (String k : f.contextKinds()) {
        kinds.add(AvsbValue.of(k));
      }
      List<AvsbValue> counters = new ArrayList<>(f.counters().size());
      for (EventSummary.Counter c : f.counters()) {
        counters.add(counter(c));
      }
      Map<String, AvsbValue> flag = new LinkedHashMap<>();
      flag.put("default", f.defaultValue());
      flag.put("contextKinds", new AvsbValue.Arr(kinds));
      flag.put("counters", new AvsbValue.Arr(counters));
      features.put(e.getKey(), new AvsbValue.Obj(flag));
    }
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    out.put("kind", AvsbValue.of("summary"));
    out.put("startDate", AvsbValue.of(s.startDate()));
    out.put("endDate", AvsbValue.of(s.endDate()));
    out.put("features", new AvsbValue.Obj(features));
    return new AvsbValue.Obj(out);
  }

  private static AvsbValue counter(EventSummary.Counter c) {
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    if (c.unknown()) {
      out.put("unknown", AvsbValue.TRUE);
    } else {
      if (c.variation() >= 0) {
        out.put("variation", AvsbValue.of(c.variation()));
      }
      out.put("version", AvsbValue.of(c.version()));
    }
    out.put("value", c.value());
    out.put("count", AvsbValue.of(c.count()));
    return new AvsbValue.Obj(out);
  }
}
