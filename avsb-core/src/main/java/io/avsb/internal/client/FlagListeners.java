package io.avsb.internal.client;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.FlagChangeEvent;
import io.avsb.FlagTracker;
import io.avsb.FlagValueChangeEvent;
import io.avsb.internal.log.LogText;
import io.avsb.internal.store.FlagChangeSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's flag change listeners: the store reports which flags each update affected (as a
 * {@link FlagChangeSink}, active only while someone listens), and the notices are handed to the
 * notifier thread, which calls every listener for every flag in order. A value listener is a flag
 * change listener that re-evaluates its flag for its context, quietly, and passes on real changes
 * only. Thread-safe.
 */
final class FlagListeners implements FlagTracker, FlagChangeSink {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.client");

  private final Executor notifier;
  private final FlagReader reader;
  private final List<Consumer<FlagChangeEvent>> listeners = new CopyOnWriteArrayList<>();

  FlagListeners(Executor notifier, FlagReader reader) {
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public boolean active() {
    return !listeners.isEmpty();
  }

  @Override
  public void flagsChanged(Set<String> flagKeys) {
    List<FlagChangeEvent> events = new ArrayList<>(flagKeys.size());
    for (String key : flagKeys) {
      events.add(new FlagChangeEvent(key));
    }
    notifier.execute(() -> deliver(events));
  }

  @Override
  public void addFlagChangeListener(Consumer<FlagChangeEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeFlagChangeListener(Consumer<FlagChangeEvent> listener) {
    if (listener != null) {
      listeners.remove(listener);
    }
  }

  @Override
  public Consumer<FlagChangeEvent> addFlagValueChangeListener(
      String flagKey, AvsbContext context, Consumer<FlagValueChangeEvent> listener) {
    ValueWatch watch = new ValueWatch(Objects.requireNonNull(flagKey, "flagKey"),
        Objects.requireNonNull(context, "context"), Objects.requireNonNull(listener, "listener"));
    // Listening before reading the starting value: a change in between is then either in that
    // value or delivered afterwards, never lost.
    synchronized (watch) {
      listeners.add(watch);
      watch.last = value(flagKey, context);
    }
    return watch;
  }

  private void deliver(List<FlagChangeEvent> events) {
    for (FlagChangeEvent event : events) {
      for (Consumer<FlagChangeEvent> l : listeners) {
        try {
          l.accept(event);
        } catch (RuntimeException e) {
          LOG.warn("A flag change listener threw {} for flag {}; ignored", e.toString(),
              LogText.of(event.key()));
        }
      }
    }
  }

  private AvsbValue value(String flagKey, AvsbContext context) {
    AvsbValue v = reader.peek(context, flagKey);
    return v == null ? AvsbValue.NULL : v;
  }

  /** Watches one flag's value for one context. */
  private final class ValueWatch implements Consumer<FlagChangeEvent> {
    private final String flagKey;
    private final AvsbContext context;
    private final Consumer<FlagValueChangeEvent> listener;
    private AvsbValue last; // guarded by this

    ValueWatch(String flagKey, AvsbContext context, Consumer<FlagValueChangeEvent> listener) {
      this.flagKey = flagKey;
      this.context = context;
      this.listener = listener;
    }

    @Override
    public void accept(FlagChangeEvent event) {
      if (!flagKey.equals(event.key())) {
        return;
      }
      FlagValueChangeEvent change;
      synchronized (this) {
        AvsbValue now = value(flagKey, context);
        if (now.equals(last)) {
          return;
        }
        change = new FlagValueChangeEvent(flagKey, last, now);
        last = now;
      }
      listener.accept(change);
    }

    @Override
    public String toString() {
      return "FlagValueChangeListener(" + flagKey + ", " + context + ")";
    }
  }
}
