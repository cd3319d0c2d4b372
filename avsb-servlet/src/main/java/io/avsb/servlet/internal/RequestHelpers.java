package io.avsb.servlet.internal;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.internal.web.HelperAttributes;
import io.avsb.internal.web.WebHelpers;
import io.avsb.internal.web.WebLog;
import jakarta.servlet.ServletContext;

/**
 * The webapp's side of the web contract: its server and its {@link WebLog}, both kept in
 * ServletContext attributes, so each webapp logs its own problems even when the kit's jar is shared
 * in the container's {@code lib/}. Never throws. Thread-safe.
 */
public final class RequestHelpers {
  private static final String LOG_ATTRIBUTE = WebLog.class.getName();
  private static final String NO_SERVER_HINT = "register AvsbServletContextListener in web.xml or"
      + " call AvsbServlets.install (the server is kept in ServletContext attribute "
      + HelperAttributes.SERVER + ").";

  private RequestHelpers() {}

  /** The webapp's server, or null. */
  public static AvsbServer server(ServletContext context) {
    Object server = context == null ? null : context.getAttribute(HelperAttributes.SERVER);
    return server instanceof AvsbServer s ? s : null;
  }

  /** The webapp's log of fallbacks, made on first use; a log of its own without a context. */
  public static WebLog log(ServletContext context) {
    if (context == null) {
      return newLog();
    }
    if (context.getAttribute(LOG_ATTRIBUTE) instanceof WebLog log) {
      return log;
    }
    synchronized (RequestHelpers.class) {
      if (context.getAttribute(LOG_ATTRIBUTE) instanceof WebLog log) {
        return log;
      }
      WebLog log = newLog();
      context.setAttribute(LOG_ATTRIBUTE, log);
      return log;
    }
  }

  private static WebLog newLog() {
    return new WebLog("io.avsb.servlet", NO_SERVER_HINT);
  }

  /**
   * A memoising helper for {@code avsbContext} from the server of {@code context}; without a
   * server (logged once per webapp) a helper that gives every default.
   */
  public static ScopedAvsb forContext(ServletContext context, AvsbContext avsbContext) {
    return WebHelpers.helper(
        () -> {
          AvsbServer server = server(context);
          return server == null ? null : server::forUser;
        },
        avsbContext,
        log(context));
  }
}
