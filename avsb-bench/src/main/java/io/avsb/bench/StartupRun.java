package io.avsb.bench;

import io.avsb.AvsbServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up from a flags file as an application sees it: a file of {@code N} production-like flags
 * (default 10,000, the {@code rich} shape of {@link StoreFootprintRun}: a target, a rule with an
 * {@code in} clause, a rule with a 50/50 rollout) is written once, then each measurement runs in a
 * fresh JVM, so class loading, static initialisation and cold (interpreted) code are counted. The
 * child times {@code AvsbServer.builder(key).flagsFile(file).eventsUri(sink).buildServer()}, which
 * returns once the first data set is in the store (the builder's start wait, no polling), checks
 * {@link AvsbServer#isReady()}, then measures the heap the SDK holds: in use after a full GC once
 * ready minus once closed. Events are on (the default) and go to a local {@link EventSink} run by
 * this process, so nothing leaves the machine.
 *
 * <p>Prints each run's figures, then the minimum, median and maximum, and a last line {@code
 * startup: median X ms, heap Y MiB} that {@link VerdictReport} reads.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.avsb.bench.StartupRun [runs=10] [flags=10000]
 * [file] [-- JVM options for each child]}, where {@code file} is where the flags file is written
 * (and kept; by default a temporary file deleted at exit), for example {@code -- -XX:StartFlightRecording=filename=/tmp/s.jfr,settings=profile}
 * to profile the children (each overwrites the recording, so keep {@code runs} at 1).
 */
public final class StartupRun {
  private static final String KEY = "sdk-startup-run";
  private static final Pattern RESULT =
      Pattern.compile("startup-child: ready (true|false) in (\\d+) us, cpu (\\d+) us, retained (-?\\d+) bytes");

  private StartupRun() {}

  /** Runs the measurement, or one child ({@code child FILE EVENTS_URI}). */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(Path.of(args[1]), java.net.URI.create(args[2]));
      return;
    }
    int dash = Arrays.asList(args).indexOf("--");
    String[] own = dash < 0 ? args : Arrays.copyOf(args, dash);
    List<String> jvmOptions = dash < 0 ? List.of() : List.of(args).subList(dash + 1, args.length);
    int runs = own.length > 0 ? Integer.parseInt(own[0]) : 10;
    int flags = own.length > 1 ? Integer.parseInt(own[1]) : 10_000;
    Path file = own.length > 2 ? Path.of(own[2]) : Files.createTempFile("avsb-startup-", ".json");
    if (own.length <= 2) {
      file.toFile().deleteOnExit();
    }
    Files.write(file, StoreFootprintRun.allData(flags, true));
    System.out.printf(Locale.ROOT, "flags file: %d flags, %d bytes; %d fresh JVMs (%s)%n", flags,
        Files.size(file), runs, jvmOptions.isEmpty() ? "no extra options" : String.join(" ", jvmOptions));
    double[] millis = new double[runs];
    double[] heap = new double[runs];
    double[] cpu = new double[runs];
    try (EventSink sink = new EventSink()) {
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        String output = runChild(file, sink, jvmOptions);
        long processMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Matcher m = RESULT.matcher(output);
        if (!m.find() || !m.group(1).equals("true")) {
          throw new IllegalStateException("run " + (i + 1) + " did not become ready:\n" + output);
        }
        millis[i] = Long.parseLong(m.group(2)) / 1000.0;
        cpu[i] = Long.parseLong(m.group(3)) / 1000.0;
        heap[i] = mib(Long.parseLong(m.group(4)));
        System.out.printf(Locale.ROOT, "run %2d: ready in %.1f ms (process CPU %.0f ms), heap held"
            + " %.2f MiB (whole process %d ms)%n", i + 1, millis[i], cpu[i], heap[i], processMillis);
        if (i == 0) {
          output.lines().filter(l -> !RESULT.matcher(l).find())
              .forEach(l -> System.out.println("  child: " + l));
        }
      }
    }
    double[] ms = millis.clone();
    double[] mb = heap.clone();
    double[] cs = cpu.clone();
    Arrays.sort(ms);
    Arrays.sort(mb);
    Arrays.sort(cs);
    System.out.printf(Locale.ROOT, "ready: min %.1f ms, median %.1f ms, max %.1f ms%n", ms[0],
        median(ms), ms[runs - 1]);
    System.out.printf(Locale.ROOT, "process CPU time (all threads) at ready: min %.0f ms, median"
        + " %.0f ms, max %.0f ms%n", cs[0], median(cs), cs[runs - 1]);
    System.out.printf(Locale.ROOT, "heap held once ready: min %.2f MiB, median %.2f MiB,"
        + " max %.2f MiB (%.0f bytes/flag)%n", mb[0], median(mb), mb[runs - 1],
        median(mb) * 1024 * 1024 / flags);
    System.out.printf(Locale.ROOT, "startup: median %.1f ms, heap %.2f MiB, %d flags, %d runs%n",
        median(ms), median(mb), flags, runs);
  }

  private static void child(Path file, java.net.URI events) throws InterruptedException {
    long start = System.nanoTime();
    AvsbServer server = AvsbServer.builder(KEY).flagsFile(file).eventsUri(events)
        .startWait(Duration.ofSeconds(30)).buildServer();
    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
    // CPU time of all the JVM's threads since it started (JIT compilers and GC included): less
    // moved by other processes on a shared machine than the wall time
    long cpuMicros = ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1000;
    boolean ready = server.isReady();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long loaded = settled(memory);
    server.close();
    server = null;
    long retained = loaded - usedAfterGc(memory);
    System.out.printf(Locale.ROOT, "startup-child: ready %s in %d us, cpu %d us, retained %d bytes%n",
        ready, micros, cpuMicros, retained);
  }

  private static String runChild(Path file, EventSink sink, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        StartupRun.class.getName(), "child", file.toString(), sink.uri().toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException("a child did not end within two minutes");
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  // the file source finishes its work (the file's digest) just after ready, holding the file's
  // bytes until then: the heap in use after a full GC, once two readings agree within 64 KiB
  private static long settled(MemoryMXBean memory) throws InterruptedException {
    long last = usedAfterGc(memory);
    for (int i = 0; i < 20; i++) {
      long now = usedAfterGc(memory);
      if (Math.abs(now - last) < 64 * 1024) {
        return now;
      }
      last = now;
    }
    return last;
  }

  // System.gc() is a request: three rounds with a pause let the collector settle, as in
  // StoreFootprintRun (a measurement aid, not synchronisation)
  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
