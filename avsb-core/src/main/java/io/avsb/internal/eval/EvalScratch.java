package io.avsb.internal.eval;

import io.avsb.internal.store.SemanticVersion;
import java.util.Arrays;

/**
 * Per-thread working memory of the evaluator, reused by every evaluation on the thread so that
 * evaluation allocates nothing: the hash buffer and schedule, an array for a context's parsed date
 * or version, and the stacks of flags and segments being evaluated (for cycle detection).
 *
 * <p>The per-thread value holds only JDK arrays, never an instance of a kit class, so that a
 * container's pooled threads keep no reference to the web application's class loader after an
 * undeploy. The arrays {@link #get()} returns belong to the calling thread and must not be
 * handed to another. Thread-safe as used: each thread touches only its own arrays.
 */
final class EvalScratch {
  private static final int HASH_BUFFER = 0;
  private static final int HASH_SCHEDULE = 1;
  private static final int PARSED = 2;
  private static final int FLAG_STACK = 3;
  private static final int SEGMENT_STACK = 4;
  private static final int DEPTHS = 5;
  private static final int FLAG_DEPTH = 0;
  private static final int SEGMENT_DEPTH = 1;

  private static final ThreadLocal<Object[]> CURRENT = ThreadLocal.withInitial(() -> new Object[] {
      new byte[256], new int[80], new long[SemanticVersion.PARSED_LENGTH], new String[8],
      new String[8], new int[2]});

  private EvalScratch() {}

  /** This thread's arrays; pass them to the other methods. */
  static Object[] get() {
    return CURRENT.get();
  }

  /** The hash buffer, grown to at least {@code size} bytes (its content is not kept). */
  static byte[] hashBuffer(Object[] s, int size) {
    byte[] buf = (byte[]) s[HASH_BUFFER];
    if (buf.length < size) {
      buf = new byte[Math.max(size, buf.length * 2)];
      s[HASH_BUFFER] = buf;
    }
    return buf;
  }

  /** The 80-word SHA-1 message schedule. */
  static int[] hashSchedule(Object[] s) {
    return (int[]) s[HASH_SCHEDULE];
  }

  /** An array for a parsed date or version, at least {@link SemanticVersion#PARSED_LENGTH}. */
  static long[] parsed(Object[] s) {
    return (long[]) s[PARSED];
  }

  /** The number of flags on the flag stack. */
  static int flagDepth(Object[] s) {
    return ((int[]) s[DEPTHS])[FLAG_DEPTH];
  }

  /** The number of segments on the segment stack. */
  static int segmentDepth(Object[] s) {
    return ((int[]) s[DEPTHS])[SEGMENT_DEPTH];
  }

  static void pushFlag(Object[] s, String key) {
    push(s, FLAG_STACK, FLAG_DEPTH, key);
  }

  static void popFlag(Object[] s) {
    pop(s, FLAG_STACK, FLAG_DEPTH);
  }

  /** True if {@code key} is on the flag stack at or above {@code base}. */
  static boolean flagOnStack(Object[] s, String key, int base) {
    return onStack(s, FLAG_STACK, FLAG_DEPTH, key, base);
  }

  static void pushSegment(Object[] s, String key) {
    push(s, SEGMENT_STACK, SEGMENT_DEPTH, key);
  }

  static void popSegment(Object[] s) {
    pop(s, SEGMENT_STACK, SEGMENT_DEPTH);
  }

  /** True if {@code key} is on the segment stack. */
  static boolean segmentOnStack(Object[] s, String key) {
    return onStack(s, SEGMENT_STACK, SEGMENT_DEPTH, key, 0);
  }

  private static void push(Object[] s, int stackSlot, int depthSlot, String key) {
    int[] depths = (int[]) s[DEPTHS];
    String[] stack = (String[]) s[stackSlot];
    if (depths[depthSlot] == stack.length) {
      stack = Arrays.copyOf(stack, stack.length * 2);
      s[stackSlot] = stack;
    }
    stack[depths[depthSlot]++] = key;
  }

  private static void pop(Object[] s, int stackSlot, int depthSlot) {
    int[] depths = (int[]) s[DEPTHS];
    ((String[]) s[stackSlot])[--depths[depthSlot]] = null;
  }

  private static boolean onStack(Object[] s, int stackSlot, int depthSlot, String key, int base) {
    String[] stack = (String[]) s[stackSlot];
    int depth = ((int[]) s[DEPTHS])[depthSlot];
    for (int i = base; i < depth; i++) {
      if (stack[i].equals(key)) {
        return true;
      }
    }
    return false;
  }
}
