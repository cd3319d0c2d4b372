package io.avsb.examples.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Runs both example WARs on localhost in embedded Jetty 12, each on its embedded default (the
 * seed's flags from {@code /WEB-INF/flags.json}), so they work with no A vs B service. Set {@code
 * AVSB_SDK_KEY} to run them against the service instead. Usage: {@code ExamplesLauncher [port]}
 * (default 8080; 0 picks a free port). Stops on Ctrl-C.
 */
public final class ExamplesLauncher {
  private ExamplesLauncher() {}

  /** Starts Jetty with {@code /checkout-servlet} and {@code /checkout-jaxrs} and waits. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    Path examples = Path.of(System.getProperty("avsb.examples.dir", "examples"));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ContextHandlerCollection contexts = new ContextHandlerCollection();
    contexts.addHandler(webapp("/checkout-servlet", war(examples, "checkout-servlet")));
    contexts.addHandler(webapp("/checkout-jaxrs", war(examples, "checkout-jaxrs")));
    server.setHandler(contexts);
    server.setStopAtShutdown(true);
    server.start();
    String base = "http://127.0.0.1:" + connector.getLocalPort();
    System.out.println();
    System.out.println("A vs B examples are running (Ctrl-C stops them):");
    System.out.println("  servlet: " + base + "/checkout-servlet/checkout");
    System.out.println("  JAX-RS:  " + base + "/checkout-jaxrs/checkout");
    System.out.println("Try:");
    System.out.println("  curl -H 'x-user-id: u2' -H 'x-user-plan: pro' " + base
        + "/checkout-servlet/checkout");
    System.out.println("  curl -H 'x-user-id: u_power' " + base + "/checkout-jaxrs/checkout");
    System.out.println("  curl -i " + base + "/checkout-jaxrs/beta");
    System.out.println("  curl -X POST -H 'x-user-id: u1' " + base + "/checkout-servlet/purchase");
    System.out.println("  curl " + base + "/checkout-servlet/avsb/status");
    System.out.println("  curl -H 'x-user-id: u2' -H 'x-user-plan: pro' " + base
        + "/checkout-servlet/avsb/explain");
    server.join();
  }

  private static Path war(Path examples, String name) {
    Path war = examples.resolve(name).resolve("target").resolve(name + ".war");
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException(war + " is missing: build it first (mvn -B package)");
    }
    return war;
  }

  private static WebAppContext webapp(String contextPath, Path war) {
    WebAppContext context = new WebAppContext();
    context.setContextPath(contextPath);
    context.setWar(war.toString());
    // the explain endpoints, off in the WARs, are on here: the connector only listens on loopback
    context.setInitParameter("avsb.explain", "true");
    return context;
  }
}
