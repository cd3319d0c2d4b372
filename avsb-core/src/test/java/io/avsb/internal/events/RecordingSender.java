package io.avsb.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link EventSender} that keeps every payload it is given, answers with a chosen result, and
 * can hold deliveries until released (or until closed, like the HTTP sender aborting a request).
 */
final class RecordingSender implements EventSender {
  final LinkedBlockingQueue<AvsbValue> batches = new LinkedBlockingQueue<>();
  final AtomicInteger calls = new AtomicInteger();
  final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile Result result = Result.DELIVERED;

  /** Holds every delivery until {@link #release()} or {@link #close()}. */
  RecordingSender hold() {
    gate = new CountDownLatch(1);
    return this;
  }

  void release() {
    gate.countDown();
  }

  RecordingSender answer(Result result) {
    this.result = result;
    return this;
  }

  @Override
  public Result send(EventBatch events) {
    calls.incrementAndGet();
    AvsbValue batch = AvsbValue.parse(events.toJson());
    assertThat(batch.size()).isEqualTo(events.eventCount());
    entered.countDown();
    try {
      while (!gate.await(10, TimeUnit.MILLISECONDS)) {
        if (closed.getCount() == 0) {
          return Result.FAILED;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.FAILED;
    }
    batches.add(batch);
    return result;
  }

  /** The next delivered batch, failing the test if none comes within 10 s. */
  AvsbValue next() throws InterruptedException {
    AvsbValue batch = batches.poll(10, TimeUnit.SECONDS);
    assertThat(batch).as("a delivered batch").isNotNull();
    return batch;
  }

  boolean isClosed() {
    return closed.getCount() == 0;
  }

  @Override
  public void close() {
    closed.countDown();
  }
}
