package io.avsb.redis;

import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.FlagChangeEvent;
import io.avsb.testkit.AvsbTestService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A fleet in one JVM for the fleet test and the fleet run: one writer streaming from an {@link
 * AvsbTestService} and writing through to Redis, and daemon-mode readers following Redis. {@link
 * #change} changes one flag at the service and times its arrival at every instance, as its flag
 * change listener hears it. Not thread-safe: one test drives it.
 */
public final class Fleet implements AutoCloseable {
  /** The flag whose changes are timed. */
  public static final String FLAG = "fleet-flag";

  private final AvsbTestService service;
  private final RedisStore store;
  private final List<AvsbServer> instances = new ArrayList<>();
  private final List<Arrival> arrivals = new ArrayList<>();
  private final Duration retry;
  private final AvsbServer writer;
  private int version;

  /**
   * Starts the writer on {@code service} (whose data must hold {@link #FLAG}), waits until it wrote
   * Redis, then starts {@code readers} readers and waits until each is ready. Every instance's
   * reconnects start at {@code retry} (the SDK's default is 1 s).
   */
  public Fleet(AvsbTestService service, RedisStore store, int readers, Duration retry) {
    this.service = Objects.requireNonNull(service, "service");
    this.store = Objects.requireNonNull(store, "store");
    this.retry = Objects.requireNonNull(retry, "retry");
    version = service.data().get("flags").get(FLAG).get("version").intValue();
    writer = Fixtures.readyWriter(service, store, retry);
    add(writer);
    for (int i = 0; i < readers; i++) {
      startReader();
    }
  }

  /** The flag as the service sends it: {@code version} serving {@code "v" + version}. */
  public static AvsbValue flag(int version) {
    return Fixtures.flag(FLAG, version, "v" + version);
  }

  /** Starts one more reader and waits until it is ready; returns it. */
  public AvsbServer startReader() {
    AvsbServer reader = new AvsbServer(Fixtures.reader(store, retry).build());
    add(reader);
    if (!reader.waitForReady(Fixtures.WAIT)) {
      throw new AssertionError("reader " + (instances.size() - 1) + " was not ready within "
          + Fixtures.WAIT + " (" + reader.dataSourceStatus() + ")");
    }
    return reader;
  }

  private void add(AvsbServer server) {
    Arrival a = new Arrival(server);
    server.flagTracker().addFlagChangeListener(a);
    instances.add(server);
    arrivals.add(a);
  }

  /** The writer, then the readers, in the order started. */
  public List<AvsbServer> instances() {
    return List.copyOf(instances);
  }

  /** The readers. */
  public List<AvsbServer> readers() {
    return instances.subList(1, instances.size()).stream().toList();
  }

  /** The writer. */
  public AvsbServer writer() {
    return writer;
  }

  /** The version the service sent last. */
  public int version() {
    return version;
  }

  /** The value the last change serves. */
  public String value() {
    return "v" + version;
  }

  /**
   * Sends the next version of {@link #FLAG} from the service and waits until every instance's
   * listener heard of it; returns the nanoseconds from just before the service sent it until each
   * instance heard it, in {@link #instances()} order.
   *
   * @throws AssertionError when some instance did not hear of it within {@code timeout}
   */
  public long[] change(Duration timeout) {
    version++;
    CountDownLatch all = new CountDownLatch(arrivals.size());
    for (Arrival a : arrivals) {
      a.expect("v" + version, all);
    }
    long start = System.nanoTime();
    service.putFlag(FLAG, flag(version));
    try {
      if (!all.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new AssertionError((all.getCount()) + " of " + arrivals.size()
            + " instances did not hear of version " + version + " within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    long[] nanos = new long[arrivals.size()];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = arrivals.get(i).heardAt - start;
    }
    return nanos;
  }

  /**
   * Sends the next version without waiting for the instances (the readers cannot hear it while
   * Redis is down); returns the version.
   */
  public int changeUnobserved() {
    version++;
    for (Arrival a : arrivals) {
      a.expect(null, new CountDownLatch(1));
    }
    service.putFlag(FLAG, flag(version));
    return version;
  }

  /** Closes the writer, so that only Redis holds the fleet's data. */
  public void stopWriter() {
    writer.close();
  }

  /** Closes every instance. */
  @Override
  public void close() {
    for (AvsbServer s : instances) {
      s.close();
    }
  }

  /** Notes when one instance heard of the expected value of the flag. */
  private static final class Arrival implements Consumer<FlagChangeEvent> {
    private final AvsbServer server;
    private final AtomicBoolean heard = new AtomicBoolean(true);
    private volatile String expected;
    private volatile CountDownLatch latch;
    private volatile long heardAt;

    Arrival(AvsbServer server) {
      this.server = server;
    }

    void expect(String value, CountDownLatch l) {
      latch = l;
      expected = value;
      heard.set(false);
    }

    @Override
    public void accept(FlagChangeEvent event) {
      long now = System.nanoTime();
      String value = expected;
      if (FLAG.equals(event.key()) && value != null
          && value.equals(Fixtures.value(server, FLAG)) && heard.compareAndSet(false, true)) {
        heardAt = now;
        latch.countDown();
      }
    }
  }
}
