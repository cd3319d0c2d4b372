package io.avsb.internal.eval;

import io.avsb.internal.store.SemanticVersion;
import io.avsb.internal.store.Timestamp;

/**
 * Per-thread working memory of the evaluator: the hash buffers, parse targets for a context's
 * dates and versions, and the stacks of flags and segments being evaluated (for cycle
 * detection). Reused by every evaluation on the thread so that evaluation allocates nothing.
 * Confined to its thread; not thread-safe.
 */
final class EvalScratch {
  private static final ThreadLocal<EvalScratch> CURRENT = ThreadLocal.withInitial(EvalScratch::new);

  byte[] hashBuffer = new byte[256];
  final int[] hashSchedule = new int[80];
  final Timestamp timestamp = Timestamp.scratch();
  final SemanticVersion version = SemanticVersion.scratch();
  String[] flagStack = new String[8];
  int flagDepth;
  String[] segmentStack = new String[8];
  int segmentDepth;

  private EvalScratch() {}

  /** This thread's scratch. */
  static EvalScratch get() {
    return CURRENT.get();
  }

  /** Makes the hash buffer hold at least {@code size} bytes, keeping nothing. */
  byte[] hashBuffer(int size) {
    if (hashBuffer.length < size) {
      hashBuffer = new byte[Math.max(size, hashBuffer.length * 2)];
    }
    return hashBuffer;
  }

  void pushFlag(String key) {
    if (flagDepth == flagStack.length) {
      flagStack = java.util.Arrays.copyOf(flagStack, flagDepth * 2);
    }
    flagStack[flagDepth++] = key;
  }

  void popFlag() {
    flagStack[--flagDepth] = null;
  }

  /** True if {@code key} is on the flag stack at or above {@code base}. */
  boolean flagOnStack(String key, int base) {
    for (int i = base; i < flagDepth; i++) {
      if (flagStack[i].equals(key)) {
        return true;
      }
    }
    return false;
  }

  void pushSegment(String key) {
    if (segmentDepth == segmentStack.length) {
      segmentStack = java.util.Arrays.copyOf(segmentStack, segmentDepth * 2);
    }
    segmentStack[segmentDepth++] = key;
  }

  void popSegment() {
    segmentStack[--segmentDepth] = null;
  }

  /** True if {@code key} is on the segment stack at or above {@code base}. */
  boolean segmentOnStack(String key, int base) {
    for (int i = base; i < segmentDepth; i++) {
      if (segmentStack[i].equals(key)) {
        return true;
      }
    }
    return false;
  }
}
