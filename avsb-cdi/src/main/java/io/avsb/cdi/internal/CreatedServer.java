package io.avsb.cdi.internal;

import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.servlet.internal.ConfigAssembler;
import io.avsb.servlet.internal.FlagsFileLocator;
import io.avsb.servlet.internal.ServerStartup;
import io.avsb.servlet.internal.Settings;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server avsb-cdi started itself because no listener had: from the webapp's settings exactly as
 * the listener reads them (context-parameters, system properties, MicroProfile Config, environment)
 * in a servlet container, from the last three elsewhere. {@link #close()} closes it
 * and deletes a copied flags file. Never throws on creation: a server that cannot be built is
 * replaced by an offline one, logged. Not thread-safe; its owner guards it.
 */
public final class CreatedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.cdi");

  private final AvsbServer server;
  private final AutoCloseable closer;

  private CreatedServer(AvsbServer server, AutoCloseable closer) {
    this.server = server;
    this.closer = closer;
  }

  /** Starts a server for {@code servletContext}, or from the JVM's settings when it is null. */
  public static CreatedServer start(ServletContext servletContext) {
    if (servletContext != null) {
      ServerStartup startup = ServerStartup.start(servletContext, null);
      return new CreatedServer(startup.server(), startup);
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : CreatedServer.class.getClassLoader();
    ConfigAssembler.Result result = ConfigAssembler.assemble(
        Settings.outsideWebapp(loader),
        new FlagsFileLocator(path -> null, path -> null, null),
        loader,
        null);
    AvsbServer server;
    try {
      server = new AvsbServer(result.config());
    } catch (RuntimeException e) {
      LOG.error("The A vs B server could not start; running offline", e);
      server = new AvsbServer(
          AvsbConfig.builder(null).offline(true).startWait(Duration.ZERO).build());
    }
    return new CreatedServer(server, server);
  }

  /** The started server. */
  public AvsbServer server() {
    return server;
  }

  /** Closes the server (events flushed, threads ended); logs, never throws. */
  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      LOG.error("Closing the A vs B server failed", e);
    }
  }
}
