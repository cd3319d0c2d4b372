package io.avsb.internal.events;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.json.ReasonJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value-tree path that {@link EventJsonWriter} replaced, as the event thread ran it before
 * (the same code as core's test oracle {@code TreeEventOutputs} and {@code TreeContextRedactor}),
 * kept here only to measure against. Not thread-safe in use: one per benchmark state.
 */
final class TreePathBaseline {
  private TreePathBaseline() {}

  /** Builds each output event's value tree, with the context redacted. */
  static final class Outputs {
    private final Redactor redactor;

    /** Outputs whose contexts are redacted by {@code redactor}. */
    Outputs(Redactor redactor) {
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

  /** Builds a context's redacted value tree. */
  static final class Redactor {
    private final boolean allAttributesPrivate;
    private final Set<AttributeRef> globalPrivate;

    /** A redactor for the configured {@code allAttributesPrivate} and global private references. */
    Redactor(boolean allAttributesPrivate, Set<AttributeRef> globalPrivate) {
      this.allAttributesPrivate = allAttributesPrivate;
      Set<AttributeRef> valid = new LinkedHashSet<>();
      for (AttributeRef ref : globalPrivate) {
        if (ref.isValid()) {
          valid.add(ref);
        }
      }
      this.globalPrivate = valid;
    }

    /** The event form of {@code context}: a single context object, or a {@code multi} object. */
    AvsbValue redact(AvsbContext context) {
      if (!context.isMulti()) {
        return single(context, true);
      }
      Map<String, AvsbValue> out = new LinkedHashMap<>();
      out.put("kind", AvsbValue.of(AvsbContext.MULTI_KIND));
      for (AvsbContext part : context.individualContexts()) {
        out.put(part.kind(), single(part, false));
      }
      return new AvsbValue.Obj(out);
    }

    private AvsbValue single(AvsbContext context, boolean withKind) {
      Set<AttributeRef> refs = privateRefs(context);
      List<String> redacted = new ArrayList<>();
      Map<String, AvsbValue> out = new LinkedHashMap<>();
      if (withKind) {
        out.put("kind", AvsbValue.of(context.kind()));
      }
      out.put("key", AvsbValue.of(context.key()));
      if (context.name() != null) {
        putUnlessPrivate(out, "name", AvsbValue.of(context.name()), refs, redacted);
      }
      if (context.isAnonymous()) {
        out.put("anonymous", AvsbValue.TRUE);
      }
      for (Map.Entry<String, AvsbValue> e : context.attributes().entrySet()) {
        putUnlessPrivate(out, e.getKey(), e.getValue(), refs, redacted);
      }
      if (!redacted.isEmpty()) {
        List<AvsbValue> names = new ArrayList<>(redacted.size());
        for (String r : redacted) {
          names.add(AvsbValue.of(r));
        }
        out.put("_meta", new AvsbValue.Obj(Map.of("redactedAttributes", new AvsbValue.Arr(names))));
      }
      return new AvsbValue.Obj(out);
    }

    private Set<AttributeRef> privateRefs(AvsbContext context) {
      if (context.privateAttributes().isEmpty()) {
        return globalPrivate;
      }
      // global first, so a reference named in both places is listed as the configuration spells it
      Set<AttributeRef> refs = new LinkedHashSet<>(globalPrivate);
      for (AttributeRef ref : context.privateAttributes()) {
        if (ref.isValid()) {
          refs.add(ref);
        }
      }
      return refs;
    }

    private void putUnlessPrivate(
        Map<String, AvsbValue> out,
        String attribute,
        AvsbValue value,
        Set<AttributeRef> refs,
        List<String> redacted) {
      if (allAttributesPrivate) {
        redacted.add(attribute);
        return;
      }
      for (AttributeRef ref : refs) {
        if (ref.depth() == 1 && ref.component(0).equals(attribute)) {
          redacted.add(ref.toString());
          return;
        }
      }
      AvsbValue kept = value;
      for (AttributeRef ref : refs) {
        if (ref.depth() > 1 && ref.component(0).equals(attribute)) {
          AvsbValue without = removePath(kept, ref, 1);
          if (without != null) {
            kept = without;
            redacted.add(ref.toString());
          }
        }
      }
      out.put(attribute, kept);
    }

    /** {@code value} without the property {@code ref} names from component {@code i}, or null if absent. */
    private static AvsbValue removePath(AvsbValue value, AttributeRef ref, int i) {
      if (!(value instanceof AvsbValue.Obj obj)) {
        return null;
      }
      String name = ref.component(i);
      AvsbValue child = obj.values().get(name);
      if (child == null) {
        return null;
      }
      Map<String, AvsbValue> copy = new LinkedHashMap<>(obj.values());
      if (i == ref.depth() - 1) {
        copy.remove(name);
      } else {
        AvsbValue childWithout = removePath(child, ref, i + 1);
        if (childWithout == null) {
          return null;
        }
        copy.put(name, childWithout);
      }
      return new AvsbValue.Obj(copy);
    }
  }
}
