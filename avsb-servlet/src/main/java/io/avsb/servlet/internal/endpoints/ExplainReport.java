package io.avsb.servlet.internal.endpoints;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.FeatureFlagsState;
import io.avsb.FlagsStateOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explain endpoint's answer for one context: {@code context} (its kinds and keys, {@code
 * anonymous}, and the names of its attributes, not their values) and, for every flag, {@code
 * value}, {@code variation} (absent when there is none), {@code version} and {@code reason} (the
 * kind, and {@code ruleIndex}/{@code ruleId}, {@code prerequisiteKey}, {@code inExperiment} or
 * {@code errorKind} as it applies). Never the flags' rules, targets or segments, and no analytics
 * event is recorded. Stateless and thread-safe.
 */
public final class ExplainReport {
  private ExplainReport() {}

  /** What {@code server} gives {@code context} for every flag. */
  public static AvsbValue of(AvsbServer server, AvsbContext context) {
    Map<String, AvsbValue> root = new LinkedHashMap<>();
    root.put("context", describe(context));
    FeatureFlagsState state = server.allFlagsState(context, FlagsStateOption.ALL_FLAGS);
    root.put("valid", AvsbValue.of(state.isValid()));
    AvsbValue meta = state.toValue().get("$flagsState");
    Map<String, AvsbValue> flags = new LinkedHashMap<>();
    state.flags().forEach((key, flag) -> {
      Map<String, AvsbValue> f = new LinkedHashMap<>();
      f.put("value", flag.value());
      AvsbValue m = meta.get(key);
      for (String name : new String[] {"variation", "version", "reason"}) {
        AvsbValue v = m.get(name);
        if (!v.isNull()) {
          f.put(name, v);
        }
      }
      flags.put(key, new AvsbValue.Obj(f));
    });
    root.put("flags", new AvsbValue.Obj(flags));
    return new AvsbValue.Obj(root);
  }

  private static AvsbValue describe(AvsbContext context) {
    if (context.isMulti()) {
      List<AvsbValue> parts = new ArrayList<>();
      for (AvsbContext c : context.individualContexts()) {
        parts.add(describe(c));
      }
      return new AvsbValue.Obj(Map.of("kind", AvsbValue.of(AvsbContext.MULTI_KIND),
          "contexts", new AvsbValue.Arr(parts)));
    }
    Map<String, AvsbValue> m = new LinkedHashMap<>();
    m.put("kind", AvsbValue.of(context.kind()));
    m.put("key", AvsbValue.of(context.key()));
    m.put("anonymous", AvsbValue.of(context.isAnonymous()));
    List<AvsbValue> names = new ArrayList<>();
    for (String name : context.attributes().keySet()) {
      names.add(AvsbValue.of(name));
    }
    m.put("attributes", new AvsbValue.Arr(names));
    return new AvsbValue.Obj(m);
  }
}
