package io.avsb.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a mismatch: starting from the flag's closure (the flags and segments it reaches), it
 * removes object members and array elements of the flags, segments and context, shallowest
 * first, keeping each removal after which the two SDKs still differ in the same way. Bounded by
 * a number of attempts (each loads both SDKs). Not thread-safe.
 */
final class Minimiser {
  private final Harness harness;
  private final int maxAttempts;

  Minimiser(Harness harness, int maxAttempts) {
    this.harness = harness;
    this.maxAttempts = maxAttempts;
  }

  /** A minimised mismatch: the world, the flag key and both results. */
  record Case(World world, String flagKey, Harness.Evaluation evaluation) {}

  Case minimise(World world, Harness.Evaluation mismatch) {
    String label = mismatch.ours().differenceFrom(mismatch.reference());
    World current = world.closure(mismatch.flagKey(), world.contexts().get(mismatch.contextIndex()));
    Harness.Evaluation last = reproduce(current, mismatch.flagKey(), label);
    if (last == null) {
      // the closure alone does not reproduce (should not happen): report the original world's pair
      return new Case(world, mismatch.flagKey(), mismatch);
    }
    int attempts = 0;
    boolean progress = true;
    while (progress && attempts < maxAttempts) {
      progress = false;
      Map<String, Object> root = root(current);
      List<List<Object>> paths = new ArrayList<>();
      collect(root, new ArrayList<>(), paths);
      paths.sort((a, b) -> Integer.compare(a.size(), b.size()));
      for (List<Object> path : paths) {
        if (attempts++ >= maxAttempts) {
          break;
        }
        if (path.size() == 2 && path.get(0).equals("flags") && path.get(1).equals(mismatch.flagKey())) {
          continue;
        }
        Map<String, Object> copy = Json.copy(root(current));
        if (!remove(copy, path)) {
          continue;
        }
        World candidate = world(copy);
        Harness.Evaluation e = reproduce(candidate, mismatch.flagKey(), label);
        if (e != null) {
          current = candidate;
          last = e;
          progress = true;
          break;
        }
      }
    }
    return new Case(current, mismatch.flagKey(), last);
  }

  private Harness.Evaluation reproduce(World world, String flagKey, String label) {
    try {
      Harness.Evaluation e = harness.evaluate(world, List.of(flagKey)).get(0);
      return !e.agrees() && e.ours().differenceFrom(e.reference()).equals(label) ? e : null;
    } catch (IllegalStateException e) {
      return null; // an SDK rejected the reduced file
    }
  }

  private static Map<String, Object> root(World w) {
    return Json.obj("flags", w.flags(), "segments", w.segments(), "context", w.contexts().get(0));
  }

  @SuppressWarnings("unchecked")
  private static World world(Map<String, Object> root) {
    return new World((Map<String, Object>) root.get("flags"),
        (Map<String, Object>) root.get("segments"), new ArrayList<>(List.of(root.get("context"))));
  }

  private static void collect(Object node, List<Object> path, List<List<Object>> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        List<Object> p = new ArrayList<>(path);
        p.add(e.getKey());
        if (!path.isEmpty()) {
          out.add(p);
        }
        collect(e.getValue(), p, out);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        List<Object> p = new ArrayList<>(path);
        p.add(i);
        out.add(p);
        collect(list.get(i), p, out);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean remove(Object root, List<Object> path) {
    Object node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      Object step = path.get(i);
      node = node instanceof Map<?, ?> m ? m.get(step)
          : node instanceof List<?> l && step instanceof Integer k && k < l.size() ? l.get(k) : null;
      if (node == null) {
        return false;
      }
    }
    Object last = path.get(path.size() - 1);
    if (node instanceof Map<?, ?> m && m.containsKey(last)) {
      ((Map<String, Object>) m).remove(last);
      return true;
    }
    if (node instanceof List<?> l && last instanceof Integer k && k < l.size()) {
      ((List<Object>) l).remove((int) k);
      return true;
    }
    return false;
  }
}
