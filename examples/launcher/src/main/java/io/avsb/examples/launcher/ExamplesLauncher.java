package io.avsb.examples.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Runs both example WARs on localhost in embedded Jetty 12, on one local flags file (by default
 * {@code examples/flags.json}, the file the README names) instead of the copy packed into each
 * WAR: the launcher sets {@code avsb.flagsFile} through an override descriptor, Jetty's way of
 * adding to a WAR's {@code web.xml}. The kit reloads the file when it changes, so editing it
 * changes what the running examples answer within a second or two; no A vs B service is needed.
 * Usage: {@code ExamplesLauncher [port]} (default 8080; 0 picks a free port); system properties
 * {@code avsb.examples.dir} (the {@code examples} folder) and {@code avsb.examples.flagsFile}.
 * Stops on Ctrl-C. Not thread-safe: start and close it from one thread.
 */
public final class ExamplesLauncher implements AutoCloseable {
  // held, so the level set in main stays: Weld and RESTEasy log each start step at INFO through
  // java.util.logging, which would bury the launcher's own lines
  private static final Logger JBOSS = Logger.getLogger("org.jboss");

  /** The example modules it deploys, each at /<name>. */
  private static final List<String> EXAMPLES = List.of("checkout-servlet", "checkout-jaxrs", "checkout-cdi");

  private final Server server;
  private final ServerConnector connector;
  private final List<WebAppContext> webapps;
  private final Path overrideDescriptor;

  private ExamplesLauncher(Server server, ServerConnector connector, List<WebAppContext> webapps,
      Path overrideDescriptor) {
    this.server = server;
    this.connector = connector;
    this.webapps = webapps;
    this.overrideDescriptor = overrideDescriptor;
  }

  /**
   * Starts Jetty with {@code /checkout-servlet}, {@code /checkout-jaxrs} and {@code /checkout-cdi}
   * and waits.
   */
  public static void main(String[] args) throws Exception {
    JBOSS.setLevel(Level.WARNING);
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    Path examples = Path.of(System.getProperty("avsb.examples.dir", "examples"));
    Path flags = Path.of(System.getProperty("avsb.examples.flagsFile",
        examples.resolve("flags.json").toString()));
    ExamplesLauncher launcher = start(port, examples, flags);
    Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "examples-stop"));
    System.out.println();
    System.out.print(launcher.describe());
    launcher.server.join();
  }

  /**
   * Deploys the WARs built under {@code examples} ({@code <name>/target/<name>.war}) on
   * 127.0.0.1:{@code port}, each reading {@code flagsFile}, and returns once they have started.
   *
   * @throws IllegalStateException when a WAR or the flags file is missing, saying what to do
   */
  public static ExamplesLauncher start(int port, Path examples, Path flagsFile) throws Exception {
    Path flags = flagsFile.toAbsolutePath().normalize();
    if (!Files.isRegularFile(flags)) {
      throw new IllegalStateException("The flags file " + flags + " is missing");
    }
    Path descriptor = overrideDescriptor(flags);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ContextHandlerCollection contexts = new ContextHandlerCollection();
    List<WebAppContext> webapps = new ArrayList<>();
    for (String name : EXAMPLES) {
      WebAppContext context = new WebAppContext();
      context.setContextPath("/" + name);
      context.setWar(war(examples, name).toString());
      context.setOverrideDescriptors(List.of(descriptor.toString()));
      // the explain endpoints, off in the WARs, are on here: the connector only listens on loopback
      context.setInitParameter("avsb.explain", "true");
      contexts.addHandler(context);
      webapps.add(context);
    }
    server.setHandler(contexts);
    server.setStopAtShutdown(false);
    ExamplesLauncher launcher = new ExamplesLauncher(server, connector, webapps, descriptor);
    try {
      server.start();
    } catch (Exception e) {
      launcher.close();
      throw e;
    }
    return launcher;
  }

  private static Path war(Path examples, String name) {
    Path war = examples.resolve(name).resolve("target").resolve(name + ".war");
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException(war.toAbsolutePath().normalize()
          + " is missing: build it first (mvn -B -pl examples/launcher -am package -DskipTests)");
    }
    return war;
  }

  private static Path overrideDescriptor(Path flags) throws IOException {
    Path file = Files.createTempFile("avsb-examples-override-web-", ".xml");
    return Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
        + "  <context-param><param-name>avsb.flagsFile</param-name><param-value>"
        + escape(flags.toString()) + "</param-value></context-param>\n"
        + "</web-app>\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Where the examples answer: {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  /**
   * The flags file that the webapp at {@code contextPath} reads: its {@code avsb.flagsFile}
   * context-parameter as the started webapp sees it, {@code web.xml} and override merged.
   */
  public String flagsFileOf(String contextPath) {
    for (WebAppContext webapp : webapps) {
      if (webapp.getContextPath().equals(contextPath)) {
        return webapp.getServletContext().getInitParameter("avsb.flagsFile");
      }
    }
    throw new IllegalArgumentException("no example at " + contextPath);
  }

  /** The lines printed at start: the URLs, the file each WAR reads, and requests to try. */
  public String describe() {
    String base = baseUri().toString();
    StringBuilder out = new StringBuilder("A vs B examples are running (Ctrl-C stops them):\n");
    out.append("  servlet: ").append(base).append("/checkout-servlet/checkout\n")
        .append("           flags from ").append(flagsFileOf("/checkout-servlet")).append('\n');
    out.append("  JAX-RS:  ").append(base).append("/checkout-jaxrs/checkout\n")
        .append("           flags from ").append(flagsFileOf("/checkout-jaxrs")).append('\n');
    out.append("  CDI:     ").append(base).append("/checkout-cdi/checkout\n")
        .append("           flags from ").append(flagsFileOf("/checkout-cdi")).append('\n');
    out.append("Edit that file and ask again: the examples reload it within a second or two.\n");
    out.append("Try:\n");
    out.append("  curl -H 'x-user-id: u2' -H 'x-user-plan: pro' ").append(base)
        .append("/checkout-servlet/checkout\n");
    out.append("  curl -H 'x-user-id: u_power' ").append(base).append("/checkout-jaxrs/checkout\n");
    out.append("  curl -i ").append(base).append("/checkout-jaxrs/beta\n");
    out.append("  curl -H 'x-user-id: u1' ").append(base).append("/checkout-cdi/whoami\n");
    out.append("  curl -X POST -H 'x-user-id: u1' ").append(base).append("/checkout-servlet/purchase\n");
    out.append("  curl ").append(base).append("/checkout-servlet/avsb/status\n");
    out.append("  curl -H 'x-user-id: u2' -H 'x-user-plan: pro' ").append(base)
        .append("/checkout-servlet/avsb/explain\n");
    return out.toString();
  }

  /** Stops Jetty (each webapp closes its A vs B server) and deletes the override descriptor. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      System.err.println("Stopping Jetty failed: " + e);
    }
    try {
      Files.deleteIfExists(overrideDescriptor);
    } catch (IOException e) {
      System.err.println("Could not delete " + overrideDescriptor + ": " + e);
    }
  }
}
