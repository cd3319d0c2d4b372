package io.avsb.servlet;

import io.avsb.AvsbServer;
import io.avsb.servlet.internal.endpoints.JsonResponses;
import io.avsb.servlet.internal.endpoints.StatusReport;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * A readiness endpoint for the webapp's A vs B server: {@code GET} answers {@code 200} when the
 * server has flags and its data source is {@code VALID} or {@code INTERRUPTED} (serving the last
 * flags while it reconnects), {@code 503} otherwise (still starting, stopped for good, or no
 * server), with a JSON body:
 *
 * <pre>{@code
 * {"ready":true,"state":"VALID","stateSince":"2026-11-24T10:00:00Z",
 *  "lastError":{"kind":"NETWORK_ERROR","time":"2026-11-24T09:59:58Z"},
 *  "flagCount":3,"lastUpdate":"2026-11-24T10:00:00Z","lastUpdateAgeSeconds":12.5,"eventsDropped":0}
 * }</pre>
 *
 * It shows no SDK key, no user data and no error message (which may name hosts). Turn it on with a
 * {@code <servlet>} declaration mapped to a path (such as {@code /avsb/status}), or one line of
 * code: {@link AvsbEndpoints#status(jakarta.servlet.ServletContext)}. Thread-safe.
 */
public class AvsbStatusServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient Clock clock;

  /** A status servlet measuring ages on the system clock (for {@code web.xml}). */
  public AvsbStatusServlet() {
    this(Clock.systemUTC());
  }

  /** A status servlet measuring the last update's age on {@code clock}. */
  public AvsbStatusServlet(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Answers the status as JSON: 200 when ready, 503 when not. */
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    AvsbServer server = Avsb.server(getServletContext());
    StatusReport report = server == null
        ? StatusReport.noServer()
        : StatusReport.of(server, clock.instant());
    JsonResponses.write(resp, report.ready() ? HttpServletResponse.SC_OK
        : HttpServletResponse.SC_SERVICE_UNAVAILABLE, report.body());
  }
}
