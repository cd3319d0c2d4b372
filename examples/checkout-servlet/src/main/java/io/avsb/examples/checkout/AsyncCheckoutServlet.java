package io.avsb.examples.checkout;

import io.avsb.ScopedAvsb;
import io.avsb.servlet.Avsb;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /checkout} answered from a worker thread after {@code startAsync}: the worker reads the
 * helper from the request, where the filter left it, and gets the same helper as the request
 * thread ({@code sameHelper}). The worker threads are this servlet's own and end in {@link
 * #destroy()}, so an undeploy leaves none behind. Thread-safe.
 */
public class AsyncCheckoutServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private transient ExecutorService workers;
  private final transient List<Thread> threads = new CopyOnWriteArrayList<>();

  /** Starts the worker pool. */
  @Override
  public void init() {
    AtomicInteger count = new AtomicInteger();
    workers = Executors.newFixedThreadPool(2, task -> {
      Thread t = new Thread(task, "checkout-async-" + count.incrementAndGet());
      t.setDaemon(true);
      threads.add(t);
      return t;
    });
  }

  /** Hands the request to a worker thread. */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    ScopedAvsb onRequestThread = Avsb.from(request);
    Thread requestThread = Thread.currentThread();
    AsyncContext async = request.startAsync();
    workers.execute(() -> {
      try {
        ScopedAvsb avsb = Avsb.from(async.getRequest());
        boolean showNew = avsb.getBoolFlag("checkout-v2", false);
        String theme = avsb.getStringFlag("ui-theme", "default");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("showNewCheckout", showNew);
        body.put("theme", theme);
        body.put("sameHelper", avsb == onRequestThread);
        body.put("otherThread", Thread.currentThread() != requestThread);
        Json.write((HttpServletResponse) async.getResponse(), 200, body);
      } catch (IOException e) {
        log("Writing the async answer failed", e);
      } finally {
        async.complete();
      }
    });
  }

  /** Stops the worker threads and waits until they have ended, before the webapp is stopped. */
  @Override
  public void destroy() {
    workers.shutdownNow();
    try {
      // a terminated pool's threads may still be exiting: join them so none outlives the webapp
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
