package io.avsb.internal.client;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.events.CustomEvent;
import io.avsb.internal.events.EventProcessor;
import io.avsb.internal.events.IdentifyEvent;
import io.avsb.internal.log.LogText;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code track} and {@code identify} calls into events. Data is converted with {@link
 * AvsbValue#fromJava}; an entry with no JSON form, or one that is cyclic, nested deeper than 200
 * levels or too large, is dropped (the rest of the event is kept) and logged once per event key.
 * With events off nothing is built. Never throws. Thread-safe.
 */
final class Tracker {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.events");

  private enum Problem { NO_KEY, INVALID_CONTEXT, BAD_DATA, BAD_METRIC, FAILED }

  private final EventProcessor events;
  private final boolean recordEvents;
  private final Clock clock;
  private final ProblemLog problems;

  Tracker(EventProcessor events, Clock clock, ProblemLog problems) {
    this.events = Objects.requireNonNull(events, "events");
    this.recordEvents = events != DiscardingEventProcessor.INSTANCE;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  /** Records custom event {@code eventKey}; {@code hasMetric} says whether {@code metric} is set. */
  void track(AvsbContext context, String eventKey, Map<String, ?> data, boolean hasMetric,
      double metric) {
    if (!recordEvents) {
      return;
    }
    try {
      if (eventKey == null || eventKey.isEmpty()) {
        if (problems.firstTime(Problem.NO_KEY, "")) {
          LOG.warn("track called without an event key; the event is dropped");
        }
        return;
      }
      if (!validContext(context, "track", eventKey)) {
        return;
      }
      Double metricValue = null;
      if (hasMetric) {
        if (Double.isFinite(metric)) {
          metricValue = metric;
        } else if (problems.firstTime(Problem.BAD_METRIC, eventKey)) {
          LOG.warn("track({}) was given a metric value that is not a finite number; the metric is"
              + " dropped", LogText.of(eventKey));
        }
      }
      if (events.dropIfFull()) {
        return;
      }
      events.recordCustom(
          new CustomEvent(clock.millis(), context, eventKey, convert(eventKey, data), metricValue));
    } catch (RuntimeException e) {
      if (problems.firstTime(Problem.FAILED, "track")) {
        LOG.error("Recording a custom event failed; the event is dropped", e);
      }
    }
  }

  /** Records an identify event for {@code context}. */
  void identify(AvsbContext context) {
    if (!recordEvents) {
      return;
    }
    try {
      if (validContext(context, "identify", "")) {
        events.recordIdentify(new IdentifyEvent(clock.millis(), context));
      }
    } catch (RuntimeException e) {
      if (problems.firstTime(Problem.FAILED, "identify")) {
        LOG.error("Recording an identify event failed; the event is dropped", e);
      }
    }
  }

  private boolean validContext(AvsbContext context, String call, String problemKey) {
    if (context != null && context.isValid()) {
      return true;
    }
    if (problems.firstTime(Problem.INVALID_CONTEXT, problemKey)) {
      LOG.warn("{}{} was called for an invalid context ({}); the event is dropped", call,
          problemKey.isEmpty() ? "" : "(" + LogText.of(problemKey) + ")",
          context == null ? "null" : LogText.of(context.error()));
    }
    return false;
  }

  private AvsbValue convert(String eventKey, Map<String, ?> data) {
    if (data == null) {
      return AvsbValue.NULL;
    }
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : data.entrySet()) {
      String name = String.valueOf(e.getKey());
      try {
        out.put(name, AvsbValue.fromJava(e.getValue()));
      } catch (IllegalArgumentException ex) {
        if (problems.firstTime(Problem.BAD_DATA, eventKey)) {
          LOG.warn("track({}) data entry {} has no JSON form ({}); the entry is dropped",
              LogText.of(eventKey), LogText.of(name), ex.getMessage());
        }
      }
    }
    return new AvsbValue.Obj(out);
  }
}
