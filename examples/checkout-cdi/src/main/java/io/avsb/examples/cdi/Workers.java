package io.avsb.examples.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The async resource's worker threads ({@code checkout-async-N}), stopped when the application
 * shuts down (undeploy), so a redeploy leaves none behind. Thread-safe.
 */
@ApplicationScoped
public class Workers implements Executor {
  private final AtomicInteger count = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
    Thread t = new Thread(task, "checkout-async-" + count.incrementAndGet());
    t.setDaemon(true);
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
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
