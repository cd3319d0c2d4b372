package io.avsb.servlet;

import io.avsb.servlet.internal.ServerStartup;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one {@link io.avsb.AvsbServer} per webapp and closes it with the webapp, so an undeploy
 * or redeploy leaves no thread and no class loader behind. The server is kept in the
 * ServletContext attribute {@link Avsb#SERVER_ATTRIBUTE} ({@link Avsb#server}).
 *
 * <p>Settings, each read from the context-parameter, else the system property of the same name,
 * else the environment variable: {@code avsb.sdkKey} ({@code AVSB_SDK_KEY}), {@code avsb.flagsFile}
 * ({@code AVSB_FLAGS_FILE}: a file path, or a webapp resource such as {@code /WEB-INF/flags.json}),
 * {@code avsb.offline} ({@code AVSB_OFFLINE}), {@code avsb.baseUri}, {@code avsb.streamUri},
 * {@code avsb.eventsUri} ({@code AVSB_BASE_URI}, ...), {@code avsb.startWait} ({@code
 * AVSB_START_WAIT}: {@code PT5S} or seconds), {@code avsb.configurer} ({@code AVSB_CONFIGURER}: an
 * {@link AvsbConfigurer} class). Keep the SDK key out of {@code web.xml}: use the environment or a
 * system property. With neither a key nor a flags file the server runs offline, and says so once.
 * A malformed setting is logged and ignored; start-up never fails the webapp.
 *
 * <p>When the ServletContext already holds a server (a second registration, or one the app put
 * there), this listener leaves it alone and does not close it. The container calls it from one
 * thread at a time.
 */
public class AvsbServletContextListener implements ServletContextListener {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.servlet");

  private final AvsbConfigurer configurer;
  private ServerStartup started;

  /** A listener configured by the {@code avsb.*} settings (for {@code web.xml}). */
  public AvsbServletContextListener() {
    this(null);
  }

  /** A listener that applies {@code configurer} (may be null) after the settings. */
  public AvsbServletContextListener(AvsbConfigurer configurer) {
    this.configurer = configurer;
  }

  /** Starts the server, waiting up to its start wait for flags. */
  @Override
  public synchronized void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    if (context.getAttribute(Avsb.SERVER_ATTRIBUTE) != null) {
      LOG.info("Webapp '{}' already has an A vs B server; this listener leaves it alone",
          context.getContextPath());
      return;
    }
    started = ServerStartup.start(context, configurer);
    context.setAttribute(Avsb.SERVER_ATTRIBUTE, started.server());
  }

  /** Removes and closes the server this listener started: events flushed, threads ended. */
  @Override
  public synchronized void contextDestroyed(ServletContextEvent event) {
    if (started == null) {
      return;
    }
    ServletContext context = event.getServletContext();
    if (context.getAttribute(Avsb.SERVER_ATTRIBUTE) == started.server()) {
      context.removeAttribute(Avsb.SERVER_ATTRIBUTE);
    }
    started.close();
    started = null;
  }
}
