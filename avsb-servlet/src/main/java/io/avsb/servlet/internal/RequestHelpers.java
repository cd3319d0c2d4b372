package io.avsb.servlet.internal;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;
import io.avsb.internal.web.MemoizingScopedAvsb;
import io.avsb.internal.web.UnavailableScopedAvsb;
import jakarta.servlet.ServletContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the per-request helper from the webapp's server. Never throws. Thread-safe. */
public final class RequestHelpers {
  /** The ServletContext attribute holding the webapp's {@link AvsbServer}. */
  public static final String SERVER_ATTRIBUTE = AvsbServer.class.getName();

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.servlet");
  private static final AtomicBoolean MISSING_SERVER_LOGGED = new AtomicBoolean();
  private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();

  private RequestHelpers() {}

  /** The webapp's server, or null. */
  public static AvsbServer server(ServletContext context) {
    Object server = context == null ? null : context.getAttribute(SERVER_ATTRIBUTE);
    return server instanceof AvsbServer s ? s : null;
  }

  /**
   * A memoising helper for {@code avsbContext} from the server of {@code context}; without a
   * server (logged once) a helper that gives every default.
   */
  public static ScopedAvsb forContext(ServletContext context, AvsbContext avsbContext) {
    AvsbServer server = server(context);
    if (server == null) {
      if (MISSING_SERVER_LOGGED.compareAndSet(false, true)) {
        LOG.error("No A vs B server in ServletContext attribute {}: register"
            + " AvsbServletContextListener in web.xml or call AvsbServlets.install. Every flag"
            + " gives its default value.", SERVER_ATTRIBUTE);
      }
      return new UnavailableScopedAvsb(avsbContext);
    }
    try {
      return MemoizingScopedAvsb.wrap(server.forUser(avsbContext));
    } catch (RuntimeException e) {
      if (FAILURE_LOGGED.compareAndSet(false, true)) {
        LOG.error("The A vs B server failed to make a helper; flags give their defaults", e);
      }
      return new UnavailableScopedAvsb(avsbContext);
    }
  }
}
