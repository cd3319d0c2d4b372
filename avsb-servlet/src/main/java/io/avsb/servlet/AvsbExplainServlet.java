package io.avsb.servlet;

import io.avsb.AvsbServer;
import io.avsb.servlet.internal.Setting;
import io.avsb.servlet.internal.Settings;
import io.avsb.servlet.internal.endpoints.ExplainAccess;
import io.avsb.servlet.internal.endpoints.ExplainReport;
import io.avsb.servlet.internal.endpoints.JsonResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explains what the current request's user gets: for the context {@link AvsbFilter} resolved
 * (through {@link Avsb#from}), every flag's value, variation, version and reason (with the matched
 * rule's index and id), to answer "why does this user see B?":
 *
 * <pre>{@code
 * {"context":{"kind":"user","key":"u2","anonymous":false,"attributes":["plan"]},"valid":true,
 *  "flags":{"checkout-v2":{"value":true,"variation":0,"version":3,
 *                          "reason":{"kind":"RULE_MATCH","ruleIndex":0,"ruleId":"pro"}}}}
 * }</pre>
 *
 * It never shows the SDK key, the flags' rules, targets or segments, attribute values, or anyone
 * but the requester, and records no analytics event.
 *
 * <p>Off by default: declared in {@code web.xml} it answers 404 until turned on, by the init-param
 * {@code enabled} or the setting {@code avsb.explain} ({@code true}; context-param, system property,
 * MicroProfile Config or {@code AVSB_EXPLAIN}). When on it answers only requests from this machine (loopback, not
 * forwarded by a proxy; init-param {@code loopback}, default {@code true}) and requests whose user
 * is in the role named by the init-param {@code role} or the setting {@code avsb.explainRole};
 * others get 403. Or in code: {@link AvsbEndpoints#explain}. Thread-safe once initialised.
 */
public class AvsbExplainServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.servlet");

  private final transient ExplainAccess given;
  private transient volatile ExplainAccess access;

  /** An explain servlet configured by its init-parameters and settings (for {@code web.xml}). */
  public AvsbExplainServlet() {
    this.given = null;
  }

  /**
   * An explain servlet that is on, answering requests from this machine when {@code loopback} and
   * requests from users in {@code role} (null for none).
   */
  public AvsbExplainServlet(boolean loopback, String role) {
    this.given = new ExplainAccess(loopback, role);
  }

  /** Reads whether it is on, and for whom. */
  @Override
  public void init() throws ServletException {
    ExplainAccess a = given != null ? given : fromConfiguration();
    access = a;
    if (a != null) {
      LOG.info("A vs B explain endpoint {} is on for {}", getServletName(), a.describe());
    }
  }

  private ExplainAccess fromConfiguration() {
    Settings settings = Settings.of(getServletContext());
    String enabled = getInitParameter("enabled");
    if (enabled == null) {
      Settings.Found found = settings.find(Setting.EXPLAIN);
      enabled = found == null ? null : found.value();
    }
    if (!flag(enabled, "enabled", false)) {
      return null;
    }
    String role = getInitParameter("role");
    if (role == null) {
      Settings.Found found = settings.find(Setting.EXPLAIN_ROLE);
      role = found == null ? null : found.value();
    }
    return new ExplainAccess(flag(getInitParameter("loopback"), "loopback", true), role);
  }

  private boolean flag(String value, String name, boolean otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    LOG.warn("A vs B explain endpoint {}: {} must be true or false; using {}", getServletName(),
        name, otherwise);
    return otherwise;
  }

  /** Answers the explanation as JSON, or 404 when off, 403 when not allowed. */
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    ExplainAccess a = access;
    if (a == null) {
      JsonResponses.error(resp, HttpServletResponse.SC_NOT_FOUND, "not found");
      return;
    }
    if (!a.allows(req)) {
      LOG.debug("A vs B explain endpoint refused a request (allowed: {})", a.describe());
      JsonResponses.error(resp, HttpServletResponse.SC_FORBIDDEN, "forbidden");
      return;
    }
    AvsbServer server = Avsb.server(getServletContext());
    if (server == null) {
      JsonResponses.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "no A vs B server");
      return;
    }
    JsonResponses.write(resp, HttpServletResponse.SC_OK,
        ExplainReport.of(server, Avsb.from(req).context()));
  }
}
