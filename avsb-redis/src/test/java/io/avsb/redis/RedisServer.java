package io.avsb.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import redis.clients.jedis.RedisClient;

/**
 * A real {@code redis-server} for tests: started on a free loopback port with a temporary
 * directory and no persistence, ready once it says so on its output, and killable (SIGKILL) and
 * restartable on the same port, empty, as a crashed Redis without persistence comes back. A
 * missing binary fails with the command that installs it. Not thread-safe: one test drives it.
 */
public final class RedisServer implements AutoCloseable {
  /** The command that installs the binary on Debian and Ubuntu. */
  public static final String INSTALL = "apt-get install -y redis-server";
  private static final long READY_WAIT_SECONDS = 20;

  private final String binary;
  private final Function<Integer, List<String>> extraArgs;
  private final Path dir;
  private final int port;
  private Process process;
  private final Deque<String> output = new ArrayDeque<>();

  private RedisServer(String binary, Function<Integer, List<String>> extraArgs, Path dir,
      int port) {
    this.binary = binary;
    this.extraArgs = extraArgs;
    this.dir = dir;
    this.port = port;
  }

  /**
   * Starts a server; {@code extraArgs} are more configuration directives such as {@code
   * "--requirepass", "secret"}.
   *
   * @throws IllegalStateException when {@code redis-server} is not installed (saying how to
   *     install it) or does not start
   */
  public static RedisServer start(String... extraArgs) {
    return start(port -> List.of(extraArgs));
  }

  /**
   * Starts a server that accepts only TLS connections, with {@code cert} and {@code key} (PEM
   * files) as its identity, and no client certificates required.
   */
  public static RedisServer startTls(Path cert, Path key) {
    return start(port -> List.of("--port", "0", "--tls-port", Integer.toString(port),
        "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(),
        "--tls-ca-cert-file", cert.toString(), "--tls-auth-clients", "no"));
  }

  private static RedisServer start(Function<Integer, List<String>> extraArgs) {
    String binary = findBinary();
    Path dir;
    try {
      dir = Files.createTempDirectory("avsb-redis-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      RedisServer server = new RedisServer(binary, extraArgs, dir, freePort());
      try {
        server.launch();
        return server;
      } catch (IllegalStateException e) {
        last = e; // most likely the port was taken between probe and bind
      }
    }
    throw last;
  }

  private static String findBinary() {
    String configured = System.getProperty("avsb.redis.server");
    List<Path> candidates = new ArrayList<>();
    if (configured != null) {
      candidates.add(Path.of(configured));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (!d.isEmpty()) {
        candidates.add(Path.of(d, "redis-server"));
      }
    }
    candidates.add(Path.of("/usr/bin/redis-server"));
    candidates.add(Path.of("/usr/local/bin/redis-server"));
    for (Path p : candidates) {
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new IllegalStateException("redis-server is not installed, and the avsb-redis tests run"
        + " against a real one: install it with `" + INSTALL + "` (as root), or set"
        + " -Davsb.redis.server=/path/to/redis-server");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() {
    List<String> command = new ArrayList<>(List.of(binary, "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
        "--daemonize", "no", "--logfile", ""));
    command.addAll(extraArgs.apply(port)); // later directives win over the defaults above
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + binary + ": " + e.getMessage(), e);
    }
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Process p = process;
    Thread reader = new Thread(() -> drain(p, ready), "redis-server-output-" + port);
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(READY_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new IllegalStateException("interrupted while redis-server started");
    } catch (ExecutionException | TimeoutException e) {
      kill();
      throw new IllegalStateException("redis-server did not start on port " + port + "; its last"
          + " output:\n" + String.join("\n", lastOutput()));
    }
  }

  private void drain(Process p, CompletableFuture<Void> ready) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (output) {
          output.addLast(line);
          if (output.size() > 40) {
            output.removeFirst();
          }
        }
        if (line.contains("Ready to accept connections")) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    ready.completeExceptionally(new IllegalStateException("redis-server exited"));
  }

  private List<String> lastOutput() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** The port it listens on (the same after a restart). */
  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:PORT}. */
  public URI uri() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  /** A client for inspecting and editing the data directly; the caller closes it. */
  public RedisClient client() {
    return RedisClient.create("127.0.0.1", port);
  }

  /** Kills the server at once (SIGKILL) and waits until it is gone. */
  public void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroyForcibly();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("redis-server on port " + port + " did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts the server again on the same port, with no data (there is no persistence). */
  public void restart() {
    kill();
    launch();
  }

  /** Whether the server process is running. */
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Commands Redis has processed so far ({@code INFO stats}), not counting this query. */
  public long commandsProcessed() {
    try (RedisClient c = client()) {
      String stats = c.info("stats");
      for (String line : stats.split("\r?\n")) {
        if (line.startsWith("total_commands_processed:")) {
          return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
      }
    }
    throw new IllegalStateException("INFO stats has no total_commands_processed");
  }

  /** Kills the server and deletes its directory. */
  @Override
  public void close() {
    kill();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
