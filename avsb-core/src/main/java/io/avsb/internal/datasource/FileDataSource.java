package io.avsb.internal.datasource;

import com.fasterxml.jackson.core.JsonParser;
import io.avsb.AvsbConfig;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatus.ErrorInfo;
import io.avsb.internal.log.LogText;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceFactory;
import io.avsb.spi.DataSourceUpdates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads flags from a local JSON or YAML file (see {@link FlagFileParser} for the format) and
 * reloads it when it changes.
 *
 * <p>Changes are found by checking the file's modification time, size and file key on the
 * server's scheduler at a fixed interval, rather than with a {@code WatchService}: that works the
 * same on every file system (network mounts and containers included), follows a file replaced by
 * a rename, and starts no thread of its own. A file modified in the last two seconds is read at
 * each check (a second write within one timestamp tick would not change its stamp), and content
 * with the same SHA-256 as the last read is not parsed again. A file that is missing or malformed logs one error
 * (path and reason) per distinct problem, sets the status to {@code INTERRUPTED}, and keeps the
 * last good data in use; a file missing at start leaves the server not ready until it appears. A
 * file larger than {@code maxBytes} ({@link io.avsb.AvsbConfig#maxDataBytes()}) is not read, and is
 * reported like a malformed one. An unexpected exception or an {@link OutOfMemoryError} while
 * loading is reported the same way, and the file is read again after a {@link Backoff} delay; an
 * error nothing survives stops the source for good with one ERROR line.
 *
 * <p>A file that is unreadable, too large or malformed at start will not mend itself within the
 * start wait, so {@link #start()} then completes with {@code false} at once (nobody waits for
 * nothing), and the server stays not ready (flags give the caller's default with {@code
 * CLIENT_NOT_READY}) until a good version is read; that version is still picked up and makes the
 * server ready. A file missing at start may be about to be written: the start waits for it as for
 * network data. Thread-safe: every check runs on the scheduler, one at a time.
 */
public final class FileDataSource implements DataSource {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.datasource");

  private final Path path;
  private final boolean yaml;
  private final int maxBytes;
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1));
  private final Duration checkInterval;
  private final DataSourceContext context;
  private final DataSourceUpdates updates;
  private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
  private volatile boolean initialized;
  private volatile boolean closed;
  private ScheduledFuture<?> task;
  // confined to the scheduled checks, which never overlap; one version of the file is parsed once
  private FileStamp seenStamp;
  private byte[] seenDigest;
  private String lastProblem;
  private Instant retryAt;

  /** A source reading {@code path}, checked for changes every {@code checkInterval}. */
  public FileDataSource(
      Path path, Duration checkInterval, DataSourceContext context, DataSourceUpdates updates) {
    this(path, checkInterval, AvsbConfig.DEFAULT_MAX_DATA_BYTES, context, updates);
  }

  /** A source reading {@code path} of at most {@code maxBytes}, checked every {@code checkInterval}. */
  public FileDataSource(Path path, Duration checkInterval, int maxBytes, DataSourceContext context,
      DataSourceUpdates updates) {
    this.path = Objects.requireNonNull(path, "path");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.yaml = FlagFileParser.isYaml(path.getFileName() == null ? "" : path.getFileName().toString());
    this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval");
    this.context = Objects.requireNonNull(context, "context");
    this.updates = Objects.requireNonNull(updates, "updates");
    if (checkInterval.isZero() || checkInterval.isNegative()) {
      throw new IllegalArgumentException("checkInterval must be positive, was " + checkInterval);
    }
  }

  /** A factory for sources reading {@code path}, checked every {@code checkInterval}. */
  public static DataSourceFactory factory(Path path, Duration checkInterval) {
    return factory(path, checkInterval, AvsbConfig.DEFAULT_MAX_DATA_BYTES);
  }

  /** A factory for sources reading {@code path} of at most {@code maxBytes}, checked every {@code checkInterval}. */
  public static DataSourceFactory factory(Path path, Duration checkInterval, int maxBytes) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(checkInterval, "checkInterval");
    return (context, updates) -> new FileDataSource(path, checkInterval, maxBytes, context, updates);
  }

  @Override
  public synchronized CompletionStage<Boolean> start() {
    if (task == null && !closed) {
      try {
        task = context.scheduler().scheduleWithFixedDelay(
            this::check, 0, checkInterval.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        LOG.error("Cannot watch flags file {}: the scheduler is shut down", path);
        ready.complete(false);
      }
    }
    return ready;
  }

  @Override
  public boolean isInitialized() {
    return initialized;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (task != null) {
      task.cancel(false);
    }
    ready.complete(false);
    updates.updateStatus(DataSourceStatus.State.OFF, null);
  }

  // A periodic task that throws is never run again, so nothing may escape.
  private void check() {
    try {
      checkOnce();
    } catch (Throwable t) {
      try {
        unexpected(t);
      } catch (Throwable again) {
        fatal(again);
      }
    }
  }

  private void checkOnce() {
    if (closed) {
      return;
    }
    Instant now = context.clock().instant();
    if (retryAt != null && now.isBefore(retryAt)) {
      return;
    }
    retryAt = null;
    try {
      FileStamp stamp = FileStamp.of(path);
      if (stamp.equals(seenStamp)) {
        return;
      }
      if (stamp.size() > maxBytes) {
        seenStamp = stamp;
        seenDigest = null;
        // not unusable(): a file caught mid-write may be too large for a moment
        problem(DataSourceStatus.ErrorKind.INVALID_DATA, "flags file " + path + " is larger than "
            + maxBytes + " bytes (maxDataBytes)" + (initialized ? "; keeping the last good data" : ""));
        return;
      }
      byte[] content = readBounded();
      // a file written moments ago may be written again within the same timestamp tick, with the
      // same size: keep looking at its content until its timestamp is safely in the past
      seenStamp = stamp.isRecent() ? null : stamp;
      if (seenDigest == null) {
        // nothing to compare with (the first read): the digest, which takes a while in a JVM that
        // has just started, is taken once the data is in, so the start does not wait for it
        try {
          publish(FlagFileParser.parse(content, yaml, maxBytes));
        } finally {
          seenDigest = sha256(content);
        }
        return;
      }
      byte[] digest = sha256(content);
      if (Arrays.equals(digest, seenDigest)) {
        return;
      }
      seenDigest = digest;
      publish(FlagFileParser.parse(content, yaml, maxBytes));
    } catch (NoSuchFileException e) {
      seenStamp = null;
      seenDigest = null;
      problem(DataSourceStatus.ErrorKind.STORE_ERROR, "flags file " + path + " does not exist"
          + (initialized ? "; keeping the last good data" : "; not ready until it appears"));
    } catch (IOException e) {
      seenStamp = null;
      seenDigest = null;
      unusable(DataSourceStatus.ErrorKind.STORE_ERROR,
          "cannot read flags file " + path + ": " + e + outcome());
    } catch (IllegalArgumentException e) {
      unusable(DataSourceStatus.ErrorKind.INVALID_DATA,
          "flags file " + path + " is malformed: " + e.getMessage() + outcome());
    }
  }

  // the file may have grown since its size was checked
  private byte[] readBounded() throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] content = in.readNBytes(maxBytes + 1);
      if (content.length > maxBytes) {
        throw new IllegalArgumentException("it is larger than " + maxBytes + " bytes (maxDataBytes)");
      }
      return content;
    }
  }

  // An exception or an error the thread survives (an OutOfMemoryError from a huge file, whose
  // memory is free again now) is reported and the file read again after a backoff delay.
  private void unexpected(Throwable t) {
    if (!(t instanceof Exception || t instanceof OutOfMemoryError || t instanceof StackOverflowError)) {
      fatal(t);
      return;
    }
    seenStamp = null;
    seenDigest = null;
    Instant now = context.clock().instant();
    Duration delay = backoff.nextDelay(now);
    retryAt = now.plus(delay);
    problem(DataSourceStatus.ErrorKind.UNKNOWN, "unexpected " + LogText.of(t.toString())
        + " while loading flags file " + path + outcome() + "; trying again in " + delay.toMillis()
        + " ms");
  }

  private synchronized void fatal(Throwable t) {
    if (closed) {
      return;
    }
    closed = true;
    if (task != null) {
      task.cancel(false);
    }
    try {
      LOG.error("Loading flags file {} failed with {}; the file data source has stopped for good and"
          + " flag data will no longer be updated", path, t.toString(), t);
      updates.updateStatus(DataSourceStatus.State.OFF, new ErrorInfo(DataSourceStatus.ErrorKind.UNKNOWN,
          0, "stopped after " + LogText.of(t.toString()), context.clock().instant()));
    } finally {
      ready.complete(false);
    }
  }

  // under the lock that close() takes, so that nothing is published after close
  private synchronized void publish(DataSet data) throws IOException {
    if (closed) {
      return;
    }
    int[] flags = new int[1];
    DataSet counted = items -> {
      data.read(new DataSet.Items() {
        @Override
        public void item(DataKind kind, String key, AvsbValue json, String problem) {
          count(kind);
          items.item(kind, key, json, problem);
        }

        // passed on as tokens, so that the store reads them straight into its model
        @Override
        public void item(DataKind kind, String key, JsonParser p,
            Function<String, AvsbValue> strings) throws IOException {
          count(kind);
          items.item(kind, key, p, strings);
        }

        private void count(DataKind kind) {
          if (kind == DataKind.FLAGS) {
            flags[0]++;
          }
        }
      });
      // the file is parsed as it is read, so it is known to be good only now; VALID before the
      // store shows the data: whoever sees the server ready then also sees the status
      updates.updateStatus(DataSourceStatus.State.VALID, null);
    };
    if (!DataSetUpdates.init(updates, counted)) {
      unusable(DataSourceStatus.ErrorKind.INVALID_DATA,
          "flags file " + path + " was rejected by the store" + outcome());
      return;
    }
    LOG.info("{} flags file {} ({} flags)", initialized ? "Reloaded" : "Loaded", path, flags[0]);
    lastProblem = null;
    initialized = true;
    backoff.connected(context.clock().instant());
    ready.complete(true);
  }

  private String outcome() {
    return initialized
        ? "; keeping the last good data"
        : "; not ready until a good version is read";
  }

  private synchronized void problem(DataSourceStatus.ErrorKind kind, String message) {
    if (closed || message.equals(lastProblem)) {
      return;
    }
    lastProblem = message;
    LOG.error("{}", message);
    updates.updateStatus(DataSourceStatus.State.INTERRUPTED,
        new ErrorInfo(kind, 0, message, context.clock().instant()));
  }

  // a file that is there but unusable ends the start wait: nothing local mends it within the wait
  private void unusable(DataSourceStatus.ErrorKind kind, String message) {
    problem(kind, message);
    ready.complete(false);
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** What identifies one version of the file without reading it. */
  private record FileStamp(FileTime modified, long size, Object fileKey) {
    private static final long RECENT_MILLIS = 2_000;

    static FileStamp of(Path path) throws IOException {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return new FileStamp(a.lastModifiedTime(), a.size(), a.fileKey());
    }

    // compared with the wall clock, as file times are; the injected clock may be a fixed one
    boolean isRecent() {
      return Math.abs(System.currentTimeMillis() - modified.toMillis()) < RECENT_MILLIS;
    }

    // written out: a record's generated equals is linked on first use, which costs a cold start
    // tens of milliseconds; hashCode to match
    @Override
    public boolean equals(Object o) {
      return o instanceof FileStamp s && size == s.size && modified.equals(s.modified)
          && Objects.equals(fileKey, s.fileKey);
    }

    @Override
    public int hashCode() {
      return (modified.hashCode() * 31 + Long.hashCode(size)) * 31 + Objects.hashCode(fileKey);
    }
  }
}
