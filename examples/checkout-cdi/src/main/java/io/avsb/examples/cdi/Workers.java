package io.avsb.examples.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The async resource's worker threads ({@code checkout-async-N}), stopped when the application
 * shuts down (undeploy) and joined, so a redeploy leaves none behind. Thread-safe.
 */
@ApplicationScoped
public class Workers implements Executor {
  private final AtomicInteger count = new AtomicInteger();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
    Thread t = new Thread(task, "checkout-async-" + count.incrementAndGet());
    t.setDaemon(true);
    threads.add(t);
    return t;
  });

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
    try {
      // awaitTermination returns while the last worker is still leaving runWorker (alive), and
      // Tomcat's stop, right after, would report it as a thread the webapp failed to stop
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
