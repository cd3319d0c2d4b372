package io.avsb.examples.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat 11 deploying WAR files with {@link Tomcat#addWebapp}: each WAR is unpacked
 * into the host's app base, as a standalone Tomcat does. Context-parameter overrides are Tomcat's
 * {@code <Parameter override="false">}; extra filters are added once {@code web.xml} is read.
 */
final class TomcatContainer implements EmbeddedContainer {
  private final Tomcat tomcat = new Tomcat();

  TomcatContainer(Path baseDir) throws IOException {
    tomcat.setBaseDir(baseDir.toString());
    Files.createDirectories(baseDir.resolve("webapps"));
    tomcat.setPort(0);
    // no JSP engine or default servlet: the example WARs need neither
    tomcat.setAddDefaultWebXmlToWebapp(false);
    tomcat.getConnector();
    tomcat.getHost();
  }

  @Override
  public void start(List<WebApp> apps) throws Exception {
    for (WebApp app : apps) {
      deploy(app);
    }
    tomcat.start();
  }

  /** Deploys {@code app}; starts it at once when the container is running. */
  Context deploy(WebApp app) {
    Context context = tomcat.addWebapp(
        tomcat.getHost(), app.contextPath(), app.war().toString(), new ExtraFilters(app));
    app.contextParams().forEach((name, value) -> {
      ApplicationParameter p = new ApplicationParameter();
      p.setName(name);
      p.setValue(value);
      p.setOverride(false);
      context.addApplicationParameter(p);
    });
    return context;
  }

  Host host() {
    return tomcat.getHost();
  }

  @Override
  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  @Override
  public void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  /** Tomcat's web.xml processing, then the test's filters, mapped after the WAR's own. */
  private static final class ExtraFilters extends ContextConfig {
    private final WebApp app;

    ExtraFilters(WebApp app) {
      this.app = app;
      setDefaultWebXml(Constants.NoDefaultWebXml);
    }

    @Override
    protected synchronized void configureStart() {
      super.configureStart();
      for (WebApp.ExtraFilter f : app.extraFilters()) {
        FilterDef def = new FilterDef();
        def.setFilterName(f.name());
        def.setFilterClass(f.className());
        def.setAsyncSupported("true");
        f.initParams().forEach(def::addInitParameter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(f.name());
        map.addURLPattern("/*");
        for (String dispatcher : List.of("REQUEST", "ASYNC", "FORWARD", "INCLUDE", "ERROR")) {
          map.setDispatcher(dispatcher);
        }
        context.addFilterMap(map);
      }
    }
  }
}
