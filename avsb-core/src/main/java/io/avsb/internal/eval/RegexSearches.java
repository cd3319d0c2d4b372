package io.avsb.internal.eval;

import io.avsb.internal.log.LogText;
import io.avsb.internal.store.BoundedRegex;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the budgeted regex searches of {@code matches} clauses and reports a search that gave up:
 * the clause does not match, and one WARN per clause (so per flag or segment version) names the
 * flag being evaluated, the pattern and the value's length (never the value). The evaluator asks
 * {@link #giveUps()} before and after an evaluation, two volatile reads, and only on a change
 * looks at the calling thread's note. Thread-safe.
 */
final class RegexSearches {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.eval");
  private static final AtomicLong GIVE_UPS = new AtomicLong();
  private static final int PATTERN = 0;
  private static final int MARKER = 1;
  private static final int LENGTH = 2;
  // holds JDK objects only (the pattern, its report marker, a length), as EvalScratch does, so a
  // container's pooled thread pins no class loader
  private static final ThreadLocal<Object[]> PENDING = ThreadLocal.withInitial(() -> new Object[3]);

  private RegexSearches() {}

  /** Whether {@code regex} finds a match in {@code value} within its budget. */
  static boolean find(BoundedRegex regex, String value) {
    int result = regex.find(value);
    if (result == BoundedRegex.GAVE_UP) {
      if (!regex.reportMarker().get()) {
        Object[] pending = PENDING.get();
        pending[PATTERN] = regex.pattern();
        pending[MARKER] = regex.reportMarker();
        pending[LENGTH] = value.length();
      }
      GIVE_UPS.incrementAndGet();
    }
    return result == BoundedRegex.FOUND;
  }

  /** How many searches gave up since start-up, on any thread. */
  static long giveUps() {
    return GIVE_UPS.get();
  }

  /**
   * Logs the give-up this thread noted while evaluating {@code flagKey}, if its clause has not been
   * reported yet, and clears the note.
   */
  static void report(String flagKey) {
    Object[] pending = PENDING.get();
    if (pending[PATTERN] == null) {
      return;
    }
    Pattern pattern = (Pattern) pending[PATTERN];
    AtomicBoolean marker = (AtomicBoolean) pending[MARKER];
    int length = (Integer) pending[LENGTH];
    Arrays.fill(pending, null);
    if (marker.compareAndSet(false, true)) {
      LOG.warn("Flag {}: a \"matches\" clause (pattern {}) gave up after {} steps on a value of {}"
          + " characters, so the clause does not match. The pattern backtracks too much on such"
          + " input; rewrite it. Logged once for this flag version", LogText.of(flagKey),
          LogText.of(pattern.pattern()), BoundedRegex.budget(length), length);
    }
  }
}
