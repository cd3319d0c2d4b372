package io.avsb.servlet.internal.endpoints;

import io.avsb.AvsbServer;
import io.avsb.AvsbStats;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status endpoint's answer: {@code ready}, the data source's {@code state} and {@code
 * stateSince}, {@code lastError} ({@code kind}, {@code statusCode} when there was one, {@code
 * time}; never the message, which may name hosts), {@code flagCount}, {@code lastUpdate} and
 * {@code lastUpdateAgeSeconds} (absent before the first data), and {@code eventsDropped}. Ready
 * means the server has had flags and its source is {@code VALID} or {@code INTERRUPTED} (flags in
 * use, a reconnect under way); {@code INITIALIZING} and {@code OFF} (closed, or the key rejected)
 * are not ready. Stateless and thread-safe.
 *
 * @param ready whether the server can answer with real flags
 * @param body the JSON answer
 */
public record StatusReport(boolean ready, AvsbValue body) {
  /** The report of a webapp with no server. */
  public static StatusReport noServer() {
    Map<String, AvsbValue> m = new LinkedHashMap<>();
    m.put("ready", AvsbValue.FALSE);
    m.put("state", AvsbValue.of("NO_SERVER"));
    return new StatusReport(false, new AvsbValue.Obj(m));
  }

  /** The report of {@code server}, with ages measured at {@code now}. */
  public static StatusReport of(AvsbServer server, Instant now) {
    DataSourceStatus status = server.dataSourceStatus();
    AvsbStats stats = server.stats();
    DataSourceStatus.State state = status.state();
    boolean ready = server.isReady()
        && (state == DataSourceStatus.State.VALID || state == DataSourceStatus.State.INTERRUPTED);
    Map<String, AvsbValue> m = new LinkedHashMap<>();
    m.put("ready", AvsbValue.of(ready));
    m.put("state", AvsbValue.of(state.name()));
    m.put("stateSince", AvsbValue.of(status.stateSince().toString()));
    DataSourceStatus.ErrorInfo e = status.lastError();
    if (e != null) {
      Map<String, AvsbValue> error = new LinkedHashMap<>();
      error.put("kind", AvsbValue.of(e.kind().name()));
      if (e.statusCode() != 0) {
        error.put("statusCode", AvsbValue.of(e.statusCode()));
      }
      error.put("time", AvsbValue.of(e.time().toString()));
      m.put("lastError", new AvsbValue.Obj(error));
    }
    m.put("flagCount", AvsbValue.of(stats.flagCount()));
    if (stats.lastUpdate() != null) {
      m.put("lastUpdate", AvsbValue.of(stats.lastUpdate().toString()));
      long millis = Math.max(0, Duration.between(stats.lastUpdate(), now).toMillis());
      m.put("lastUpdateAgeSeconds", AvsbValue.of(millis / 1000.0));
    }
    m.put("eventsDropped", AvsbValue.of(stats.eventsDropped()));
    return new StatusReport(ready, new AvsbValue.Obj(m));
  }
}
