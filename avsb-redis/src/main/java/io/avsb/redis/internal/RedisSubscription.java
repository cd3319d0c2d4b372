package io.avsb.redis.internal;

import io.avsb.internal.log.LogText;
import io.avsb.spi.PersistentStoreException;
import io.avsb.spi.StoreChangeListener;
import io.avsb.spi.StoreSubscription;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;

/**
 * A subscription to the change channel on a connection of its own, read by one daemon thread
 * ({@code avsb-redis-subscriber-N}) that hands each notice to the listener in order. When the
 * connection fails the listener is told once and the thread ends; the SDK subscribes again after
 * the store comes back. Thread-safe.
 */
final class RedisSubscription implements StoreSubscription {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.redis");
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final HostAndPort address;
  private final JedisClientConfig config;
  private volatile Connection connection;
  private final String channel;
  private final StoreChangeListener listener;
  private final String endpoint;
  private final Notices notices = new Notices();
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;
  private volatile RuntimeException failure;

  private RedisSubscription(HostAndPort address, JedisClientConfig config, String channel,
      StoreChangeListener listener, String endpoint) {
    this.address = address;
    this.config = config;
    this.channel = channel;
    this.listener = listener;
    this.endpoint = endpoint;
    this.thread = new Thread(this::run, "avsb-redis-subscriber-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
  }

  /**
   * Subscribes and returns once Redis confirmed the subscription.
   *
   * @throws PersistentStoreException when it did not within {@code wait}
   */
  static RedisSubscription open(HostAndPort address, JedisClientConfig config, String channel,
      StoreChangeListener listener, String endpoint, Duration wait) {
    RedisSubscription s = new RedisSubscription(address, config, channel, listener, endpoint);
    s.thread.start();
    try {
      if (!s.subscribed.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        s.close();
        throw new PersistentStoreException("subscribing to " + channel + " on " + endpoint
            + " timed out after " + wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      s.close();
      throw new PersistentStoreException("interrupted while subscribing to " + channel);
    }
    if (s.failure != null) {
      s.close();
      throw s.failure;
    }
    return s;
  }

  private void run() {
    String lost = "the server ended the subscription";
    try {
      connection = new Connection(address, config); // connects and logs in
      if (!closed) {
        notices.proceed(connection, channel);
      }
    } catch (RuntimeException e) {
      lost = RedisErrors.describe(e);
    } finally {
      Connection c = connection;
      if (c != null) {
        c.close();
      }
    }
    if (subscribed.getCount() > 0) {
      failure = new PersistentStoreException("subscribing to " + channel + " on " + endpoint
          + " failed: " + lost);
      subscribed.countDown();
    } else if (!closed) {
      listener.subscriptionLost(lost);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (notices.isSubscribed()) {
        notices.unsubscribe();
      }
    } catch (RuntimeException e) {
      // the connection is gone already; closing it below ends the thread
    }
    try {
      thread.join(STOP_WAIT.toMillis());
      Connection c = connection;
      if (thread.isAlive() && c != null) {
        c.close();
        thread.join(STOP_WAIT.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("The Redis subscriber thread {} did not stop within {}", thread.getName(),
          STOP_WAIT.multipliedBy(2));
    }
  }

  private final class Notices extends JedisPubSub {
    @Override
    public void onSubscribe(String ch, int count) {
      subscribed.countDown();
    }

    @Override
    public void onMessage(String ch, String message) {
      if (closed) {
        return;
      }
      try {
        if (ChangeNotice.INIT.equals(message)) {
          listener.dataSetReplaced();
          return;
        }
        ChangeNotice n = ChangeNotice.parse(message);
        listener.itemChanged(n.generation(), n.kind(), n.key(), n.item());
      } catch (IllegalArgumentException e) {
        LOG.warn("Skipped a malformed change notice on {}: {}", channel,
            LogText.of(e.getMessage()));
      } catch (RuntimeException e) {
        LOG.warn("Handling a change notice failed: {}", e.toString());
      }
    }
  }
}
