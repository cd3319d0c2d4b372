package io.avsb.testkit;

import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A finished flag rule as held by a {@link FlagBuilder}: either a variation or a rollout. */
record FlagRule(String id, List<Clause> clauses, int variation, Rollout rollout,
    boolean trackEvents) {

  FlagRule {
    clauses = List.copyOf(clauses);
  }

  AvsbValue toJson(int index) {
    Map<String, AvsbValue> json = new LinkedHashMap<>();
    json.put("id", AvsbValue.of(id != null ? id : "rule" + index));
    List<AvsbValue> clauseJson = new ArrayList<>(clauses.size());
    for (Clause c : clauses) {
      clauseJson.add(c.toJson());
    }
    json.put("clauses", new AvsbValue.Arr(clauseJson));
    if (rollout != null) {
      json.put("rollout", rollout.toJson());
    } else {
      json.put("variation", AvsbValue.of(variation));
    }
    json.put("trackEvents", AvsbValue.of(trackEvents));
    return new AvsbValue.Obj(json);
  }
}
