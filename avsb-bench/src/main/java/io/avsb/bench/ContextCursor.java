package io.avsb.bench;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Per-thread index into the precomputed contexts, so each call evaluates for the next one. It also
 * measures what the benchmark thread alone allocates per call over the measurement iterations
 * (JMH's {@code -prof gc} counts every thread, including the SDKs' event threads), and prints it
 * at the end of the trial as {@code # caller-thread allocation: ...}. Likewise it measures the
 * benchmark thread's CPU time per call ({@code # caller-thread cpu: ...}, with each measurement
 * iteration's figure): unlike JMH's wall-clock score it leaves out the time the thread waited for
 * a core, so it moves less when other processes load the machine. Each benchmark calls {@link
 * #next()} exactly once per operation. Confined to its benchmark thread (JMH's thread scope).
 */
@State(Scope.Thread)
public class ContextCursor {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private long calls;
  private long iterationCalls;
  private long iterationBytes;
  private long measuredCalls;
  private long measuredBytes;
  private long iterationCpu;
  private long measuredCpu;
  private final StringBuilder cpuPerIteration = new StringBuilder();

  /** The next context index in {@code [0, CONTEXTS)}, cycling. */
  public int next() {
    return (int) (calls++ & (BenchFlags.CONTEXTS - 1));
  }

  /** Notes the thread's allocation counter and call count. */
  @Setup(Level.Iteration)
  public void beginIteration() {
    iterationCalls = calls;
    iterationBytes = THREADS.getCurrentThreadAllocatedBytes();
    iterationCpu = THREADS.getCurrentThreadCpuTime();
  }

  /** Adds a measurement iteration's allocation and calls to the totals. */
  @TearDown(Level.Iteration)
  public void endIteration(IterationParams iteration) {
    long cpu = THREADS.getCurrentThreadCpuTime() - iterationCpu;
    long bytes = THREADS.getCurrentThreadAllocatedBytes() - iterationBytes;
    if (iteration.getType() == IterationType.MEASUREMENT) {
      measuredBytes += bytes;
      measuredCpu += cpu;
      measuredCalls += calls - iterationCalls;
      cpuPerIteration.append(String.format(" %.2f", (double) cpu / (calls - iterationCalls)));
    }
  }

  /** Prints the caller thread's bytes per call over the measurement iterations. */
  @TearDown(Level.Trial)
  public void report(BenchmarkParams benchmark) {
    System.out.printf("%n# caller-thread allocation: %s %s %.3f B/op over %d calls (%d calls in"
        + " all iterations)%n", benchmark.getBenchmark(), benchmark.getParamsKeys().isEmpty() ? "-"
            : benchmark.getParam("flag"),
        measuredCalls == 0 ? 0.0 : (double) measuredBytes / measuredCalls, measuredCalls, calls);
    System.out.printf("# caller-thread cpu: %s %s %.2f ns/op; per iteration:%s%n",
        benchmark.getBenchmark(), benchmark.getParamsKeys().isEmpty() ? "-"
            : benchmark.getParam("flag"),
        measuredCalls == 0 ? 0.0 : (double) measuredCpu / measuredCalls, cpuPerIteration);
  }
}
