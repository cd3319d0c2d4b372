package io.avsb.servlet.internal;

import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.servlet.AvsbConfigurer;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server a webapp's listener started, with what must be cleaned up with it. {@link #close()}
 * closes the server (which stops its threads) and deletes a copied flags file. Not thread-safe:
 * the container calls start and close once each, in order.
 */
public final class ServerStartup implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.servlet");

  private final AvsbServer server;
  private final Path temporaryFlagsFile;

  private ServerStartup(AvsbServer server, Path temporaryFlagsFile) {
    this.server = server;
    this.temporaryFlagsFile = temporaryFlagsFile;
  }

  /**
   * Starts the server for {@code context} from its settings and {@code configurer} (may be null),
   * waiting up to the configured start wait. Never throws: a server that cannot be built is
   * replaced by an offline one, with an error in the log.
   */
  public static ServerStartup start(ServletContext context, AvsbConfigurer configurer) {
    Object dir = context.getAttribute(ServletContext.TEMPDIR);
    Path tempDir = dir instanceof File f ? f.toPath() : null;
    FlagsFileLocator files = new FlagsFileLocator(
        path -> {
          try {
            return context.getResource(path);
          } catch (MalformedURLException e) {
            return null;
          }
        },
        context::getRealPath,
        tempDir);
    ConfigAssembler.Result result = ConfigAssembler.assemble(
        Settings.of(context), files, Loaders.of(context), configurer);
    AvsbServer server = create(result.config(), context.getContextPath());
    return new ServerStartup(server, result.temporaryFlagsFile());
  }

  private static AvsbServer create(AvsbConfig config, String contextPath) {
    try {
      AvsbServer server = new AvsbServer(config);
      if (server.isReady()) {
        LOG.info("A vs B server ready for webapp '{}'", contextPath);
      } else {
        // the core has just said why, with the data source's error
        LOG.warn("A vs B server for webapp '{}' started without flags; they give their defaults"
            + " until data arrives", contextPath);
      }
      return server;
    } catch (RuntimeException e) {
      LOG.error("A vs B server for webapp '{}' could not start; running offline", contextPath, e);
      return new AvsbServer(
          AvsbConfig.builder(null).offline(true).startWait(Duration.ZERO).build());
    }
  }

  /** The started server. */
  public AvsbServer server() {
    return server;
  }

  /** Closes the server and deletes the copied flags file; logs, never throws. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (RuntimeException e) {
      LOG.error("Closing the A vs B server failed", e);
    }
    if (temporaryFlagsFile != null) {
      try {
        Files.deleteIfExists(temporaryFlagsFile);
      } catch (IOException e) {
        LOG.warn("Could not delete the copied flags file {}", temporaryFlagsFile);
      }
    }
  }
}
