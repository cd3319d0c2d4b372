package io.avsb.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Objects;

/**
 * Turns on the kit's endpoints in code, one line each, from a {@code
 * ServletContainerInitializer} or a {@code ServletContextListener} declared in {@code web.xml}
 * (where the Servlet specification lets code add servlets):
 *
 * <pre>{@code
 * AvsbEndpoints.status(context);                    // GET /avsb/status: 200 ready, 503 not
 * AvsbEndpoints.explain(context, "flag-admin");     // GET /avsb/explain: loopback or the role
 * }</pre>
 *
 * See {@link AvsbStatusServlet} and {@link AvsbExplainServlet}. Not thread-safe; containers call
 * initialisers from one thread.
 */
public final class AvsbEndpoints {
  /** The default path of the status endpoint. */
  public static final String STATUS_PATH = "/avsb/status";
  /** The default path of the explain endpoint. */
  public static final String EXPLAIN_PATH = "/avsb/explain";

  private AvsbEndpoints() {}

  /** Registers {@link AvsbStatusServlet} at {@value #STATUS_PATH}. */
  public static ServletRegistration.Dynamic status(ServletContext context) {
    return status(context, STATUS_PATH);
  }

  /** Registers {@link AvsbStatusServlet} at {@code path}. */
  public static ServletRegistration.Dynamic status(ServletContext context, String path) {
    return register(context, "avsb-status", new AvsbStatusServlet(), path);
  }

  /**
   * Registers {@link AvsbExplainServlet}, on, at {@value #EXPLAIN_PATH}, for requests from this
   * machine and users in {@code role} (null for loopback only).
   */
  public static ServletRegistration.Dynamic explain(ServletContext context, String role) {
    return explain(context, EXPLAIN_PATH, true, role);
  }

  /**
   * Registers {@link AvsbExplainServlet}, on, at {@code path}, for requests from this machine
   * when {@code loopback} and for users in {@code role} (null for none).
   */
  public static ServletRegistration.Dynamic explain(
      ServletContext context, String path, boolean loopback, String role) {
    return register(context, "avsb-explain", new AvsbExplainServlet(loopback, role), path);
  }

  private static ServletRegistration.Dynamic register(
      ServletContext context, String name, jakarta.servlet.Servlet servlet, String path) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /, was " + path);
    }
    ServletRegistration.Dynamic r = context.addServlet(name, servlet);
    if (r == null) {
      throw new IllegalStateException("a servlet named " + name + " is registered already");
    }
    r.addMapping(path);
    return r;
  }
}
