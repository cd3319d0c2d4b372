package io.avsb;

import java.util.function.Consumer;

/**
 * Notice of flag changes: from {@link AvsbServer#flagTracker()} or {@link
 * AsyncAvsbServer#flagTracker()}.
 *
 * <p>A change of a flag notifies the flag and every flag that depends on it, however indirectly,
 * through prerequisites or {@code segmentMatch} clauses; a change of a segment notifies every flag
 * that depends on it. A full data set notifies each flag whose version, presence or deletion
 * differs from before (the first one therefore every flag). Listeners are called on the server's
 * notifier thread ({@code avsb-notifier-N}), in the order of the changes, never on a network
 * thread; each flag is named once per change. A listener that throws is logged and the others are
 * still called. Thread-safe.
 */
public interface FlagTracker {
  /** Adds {@code listener}, called once per changed flag for every later change. */
  void addFlagChangeListener(Consumer<FlagChangeEvent> listener);

  /** Removes a listener added before, including one returned by {@link #addFlagValueChangeListener}. */
  void removeFlagChangeListener(Consumer<FlagChangeEvent> listener);

  /**
   * Calls {@code listener} whenever the value of flag {@code flagKey} for {@code context} differs
   * from its value at the previous call (or, for the first call, at registration). Evaluations
   * made for this produce no analytics events. Returns the flag change listener doing the work;
   * pass it to {@link #removeFlagChangeListener} to stop.
   */
  Consumer<FlagChangeEvent> addFlagValueChangeListener(
      String flagKey, AvsbContext context, Consumer<FlagValueChangeEvent> listener);
}
