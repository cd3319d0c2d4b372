package io.avsb.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Per-thread index into the precomputed contexts, so each call evaluates for the next one. */
@State(Scope.Thread)
public class ContextCursor {
  private int next;

  /** The next context index in {@code [0, CONTEXTS)}, cycling. */
  public int next() {
    return next++ & (BenchFlags.CONTEXTS - 1);
  }
}
