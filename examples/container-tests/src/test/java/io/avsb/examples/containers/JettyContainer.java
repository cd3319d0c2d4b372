package io.avsb.examples.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12 (ee10) deploying WAR files with {@link WebAppContext#setWar}, left packed
 * ({@code extractWAR=false}) so that a webapp-resource flags file has no real path and the kit
 * copies it out. Context-parameter overrides and extra filters go into an override descriptor,
 * Jetty's way of adding to a WAR's {@code web.xml} without changing it.
 */
final class JettyContainer implements EmbeddedContainer {
  private final Path workDir;
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  JettyContainer(Path workDir) {
    this.workDir = workDir;
    connector.setPort(0);
    server.addConnector(connector);
  }

  @Override
  public void start(List<WebApp> apps) throws Exception {
    ContextHandlerCollection contexts = new ContextHandlerCollection();
    for (WebApp app : apps) {
      WebAppContext context = new WebAppContext();
      context.setContextPath(app.contextPath());
      context.setWar(app.war().toString());
      context.setExtractWAR(false);
      context.setCopyWebInf(true);
      if (!app.contextParams().isEmpty() || !app.extraFilters().isEmpty()) {
        context.setOverrideDescriptors(List.of(overrideDescriptor(app).toString()));
      }
      contexts.addHandler(context);
    }
    server.setHandler(contexts);
    server.start();
  }

  private Path overrideDescriptor(WebApp app) throws IOException {
    StringBuilder xml = new StringBuilder(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
    app.contextParams().forEach((name, value) -> xml.append("  <context-param><param-name>")
        .append(escape(name)).append("</param-name><param-value>").append(escape(value))
        .append("</param-value></context-param>\n"));
    for (WebApp.ExtraFilter f : app.extraFilters()) {
      xml.append("  <filter><filter-name>").append(escape(f.name()))
          .append("</filter-name><filter-class>").append(escape(f.className()))
          .append("</filter-class><async-supported>true</async-supported>");
      for (Map.Entry<String, String> p : f.initParams().entrySet()) {
        xml.append("<init-param><param-name>").append(escape(p.getKey()))
            .append("</param-name><param-value>").append(escape(p.getValue()))
            .append("</param-value></init-param>");
      }
      xml.append("</filter>\n  <filter-mapping><filter-name>").append(escape(f.name()))
          .append("</filter-name><url-pattern>/*</url-pattern>")
          .append("<dispatcher>REQUEST</dispatcher><dispatcher>ASYNC</dispatcher>")
          .append("<dispatcher>FORWARD</dispatcher><dispatcher>INCLUDE</dispatcher>")
          .append("<dispatcher>ERROR</dispatcher></filter-mapping>\n");
    }
    xml.append("</web-app>\n");
    Path file = Files.createTempFile(workDir, "override-web-", ".xml");
    return Files.writeString(file, xml);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    server.stop();
  }
}
