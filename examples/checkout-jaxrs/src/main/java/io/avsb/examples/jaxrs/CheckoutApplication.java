package io.avsb.examples.jaxrs;

import io.avsb.jaxrs.AvsbFeature;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * The checkout example's JAX-RS application: the seed's routes, an async variant, a flag-gated
 * beta route, and {@link AvsbFeature} so resources get {@code @Context ScopedAvsb}. In the WAR the
 * feature finds the server that {@code AvsbServletContextListener} started; tests hand it one.
 * The async worker threads stop when Jersey shuts the application down (undeploy).
 */
public class CheckoutApplication extends ResourceConfig {
  /** The application as deployed in a servlet container (see {@code WEB-INF/web.xml}). */
  public CheckoutApplication() {
    this(new AvsbFeature());
  }

  /** The application with a given feature, for running it standalone or in tests. */
  public CheckoutApplication(AvsbFeature avsb) {
    // it needs neither WADL nor DataSource bodies: unused, Jersey would warn at each start that
    // their optional libraries (JAXB, Jakarta Activation) are missing
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "DATASOURCE");
    WorkerThreads threads = new WorkerThreads();
    ExecutorService workers = Executors.newFixedThreadPool(2, threads);
    register(avsb);
    register(CheckoutResource.class);
    register(BetaResource.class);
    register(new AsyncCheckoutResource(workers));
    register(
        new ContainerLifecycleListener() {
          @Override
          public void onStartup(Container container) {}

          @Override
          public void onReload(Container container) {}

          @Override
          public void onShutdown(Container container) {
            workers.shutdownNow();
            try {
              workers.awaitTermination(5, TimeUnit.SECONDS);
              // a pool is terminated while its last thread is still ending: join them, so that
              // an undeploy leaves no thread for the container to warn about
              threads.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
  }

  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    @Override
    public Thread newThread(Runnable task) {
      Thread t = new Thread(task, "checkout-async-" + count.incrementAndGet());
      t.setDaemon(true);
      made.add(t);
      return t;
    }

    void join(Duration each) throws InterruptedException {
      for (Thread t : made) {
        t.join(each.toMillis());
      }
    }
  }
}
