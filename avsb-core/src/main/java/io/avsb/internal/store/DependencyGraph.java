package io.avsb.internal.store;

import io.avsb.spi.DataKind;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which stored items depend on which: a flag on its prerequisite flags and on the segments its
 * rules name in {@code segmentMatch} clauses, a segment on the segments its rules name. Used to
 * find every flag a change can affect, transitively; cycles are harmless. Not thread-safe: {@link
 * StoreUpdates} guards it.
 */
final class DependencyGraph {
  /** One item of one kind. */
  record Node(DataKind kind, String key) {}

  private final Map<Node, Set<Node>> dependencies = new HashMap<>();
  private final Map<Node, Set<Node>> dependents = new HashMap<>();

  /** The graph of every item in {@code data}. */
  static DependencyGraph of(Snapshot data) {
    DependencyGraph g = new DependencyGraph();
    data.flags().forEach((key, stored) -> g.set(DataKind.FLAGS, key, stored.item()));
    data.segments().forEach((key, stored) -> g.set(DataKind.SEGMENTS, key, stored.item()));
    return g;
  }

  /** Replaces the dependencies of item {@code key}; {@code item} null (deleted) has none. */
  void set(DataKind kind, String key, Object item) {
    Node node = new Node(kind, key);
    Set<Node> old = dependencies.remove(node);
    if (old != null) {
      for (Node target : old) {
        Set<Node> users = dependents.get(target);
        if (users != null) {
          users.remove(node);
          if (users.isEmpty()) {
            dependents.remove(target);
          }
        }
      }
    }
    Set<Node> now = dependenciesOf(item);
    if (now.isEmpty()) {
      return;
    }
    dependencies.put(node, now);
    for (Node target : now) {
      dependents.computeIfAbsent(target, k -> new HashSet<>()).add(node);
    }
  }

  /** The keys of the flags among {@code changed} and of every flag depending on them, in order. */
  Set<String> affectedFlags(Collection<Node> changed) {
    Set<Node> seen = new HashSet<>(changed);
    Deque<Node> todo = new ArrayDeque<>(changed);
    Set<String> flags = new TreeSet<>();
    while (!todo.isEmpty()) {
      Node n = todo.poll();
      if (n.kind() == DataKind.FLAGS) {
        flags.add(n.key());
      }
      for (Node user : dependents.getOrDefault(n, Set.of())) {
        if (seen.add(user)) {
          todo.add(user);
        }
      }
    }
    return flags;
  }

  private static Set<Node> dependenciesOf(Object item) {
    Set<Node> out = new HashSet<>();
    if (item instanceof Flag f) {
      for (Prerequisite p : f.prerequisites()) {
        out.add(new Node(DataKind.FLAGS, p.key()));
      }
      for (String s : f.segmentKeys()) {
        out.add(new Node(DataKind.SEGMENTS, s));
      }
    } else if (item instanceof Segment s) {
      for (SegmentRule r : s.rules()) {
        for (Clause c : r.clauses()) {
          if (c.op() == Operator.SEGMENT_MATCH) {
            for (String key : c.strings()) {
              out.add(new Node(DataKind.SEGMENTS, key));
            }
          }
        }
      }
    }
    return out;
  }
}
