package io.avsb;

import io.avsb.spi.AvsbHook;
import io.avsb.spi.DataSourceFactory;
import io.avsb.spi.PersistentStoreFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of an {@link AvsbServer}, built with {@link #builder(String)}. Immutable and
 * thread-safe; the builder is not thread-safe.
 *
 * <p>Where the data comes from, in order: an explicit {@link Builder#dataSource data source}
 * (such as the testkit's {@code TestData}); a {@link Builder#flagsFile flags file}; nothing when
 * {@link Builder#offline offline} (every flag gives its default); else the A vs B service, by
 * streaming or, when {@link Builder#polling polling} is set, by polling.
 *
 * <p>A {@link Builder#persistentStore persistent store} shared by a fleet (such as Redis) adds to
 * that: the data source's data is written through to it and the server starts from it when the
 * data source cannot deliver; in {@link Builder#daemonMode daemon mode} the store is the only
 * source.
 */
public final class AvsbConfig {
  /** The default service URI for polling. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://sdk.avsb.io");
  /** The default service URI for streaming. */
  public static final URI DEFAULT_STREAM_URI = URI.create("https://stream.avsb.io");
  /** The default service URI for events. */
  public static final URI DEFAULT_EVENTS_URI = URI.create("https://events.avsb.io");
  /** The shortest polling interval the service allows. */
  public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(30);
  /** The default bound on the bytes held by queued and undelivered events: 32 MiB. */
  public static final long DEFAULT_EVENT_MEMORY_BYTES = 32L << 20;
  /** The default size limit of one event's JSON form: 256 KiB. */
  public static final int DEFAULT_MAX_EVENT_BYTES = 256 << 10;
  /** The default of {@link Builder#maxDataBytes}: 64 MiB. */
  public static final int DEFAULT_MAX_DATA_BYTES = 64 << 20;
  /** The largest {@link Builder#maxDataBytes} allowed: 1 GiB. */
  public static final int MAX_DATA_BYTES_LIMIT = 1 << 30;

  private final String sdkKey;
  private final boolean offline;
  private final Path flagsFile;
  private final Duration flagsFileCheckInterval;
  private final DataSourceFactory dataSource;
  private final boolean polling;
  private final Duration pollInterval;
  private final URI baseUri;
  private final URI streamUri;
  private final URI eventsUri;
  private final Duration startWait;
  private final Duration connectTimeout;
  private final Duration socketTimeout;
  private final Duration streamReadTimeout;
  private final Duration initialReconnectDelay;
  private final int maxDataBytes;
  private final Duration pollTimeout;
  private final URI proxyUri;
  private final boolean eventsEnabled;
  private final int eventCapacity;
  private final Duration flushInterval;
  private final int contextKeysCapacity;
  private final boolean allAttributesPrivate;
  private final Set<AttributeRef> privateAttributes;
  private final Clock clock;
  private final List<AvsbHook> hooks;
  // event memory, in bytes
  private final long eventMemoryBytes;
  private final int maxEventBytes;
  private final PersistentStoreFactory persistentStore;
  private final boolean daemonMode;
  private final Duration storeResyncInterval;

  private AvsbConfig(Builder b) {
    this.sdkKey = b.sdkKey;
    this.offline = b.offline;
    this.flagsFile = b.flagsFile;
    this.flagsFileCheckInterval = b.flagsFileCheckInterval;
    this.dataSource = b.dataSource;
    this.polling = b.polling;
    this.pollInterval = b.pollInterval;
    this.baseUri = b.baseUri;
    this.streamUri = b.streamUri;
    this.eventsUri = b.eventsUri;
    this.startWait = b.startWait;
    this.connectTimeout = b.connectTimeout;
    this.socketTimeout = b.socketTimeout;
    this.streamReadTimeout = b.streamReadTimeout;
    this.initialReconnectDelay = b.initialReconnectDelay;
    this.maxDataBytes = b.maxDataBytes;
    this.pollTimeout = b.pollTimeout;
    this.proxyUri = b.proxyUri;
    this.eventsEnabled = b.eventsEnabled;
    this.eventCapacity = b.eventCapacity;
    this.flushInterval = b.flushInterval;
    this.contextKeysCapacity = b.contextKeysCapacity;
    this.allAttributesPrivate = b.allAttributesPrivate;
    this.privateAttributes = Set.copyOf(b.privateAttributes);
    this.clock = b.clock;
    this.hooks = List.copyOf(b.hooks);
    this.eventMemoryBytes = b.eventMemoryBytes;
    this.maxEventBytes = b.maxEventBytes;
    this.persistentStore = b.persistentStore;
    this.daemonMode = b.daemonMode;
    this.storeResyncInterval = b.storeResyncInterval;
  }

  /**
   * A builder for a server using {@code sdkKey}. A null or blank key is allowed: such a server
   * needs a flags file, a data source or offline mode, and otherwise runs offline.
   */
  public static Builder builder(String sdkKey) {
    return new Builder(sdkKey);
  }

  /** The SDK key, or null. Never log it. */
  public String sdkKey() {
    return sdkKey;
  }

  /** Whether the server makes no network connection and sends no events. */
  public boolean offline() {
    return offline;
  }

  /** The local flags file, or null. */
  public Path flagsFile() {
    return flagsFile;
  }

  /** How often the flags file is checked for changes. */
  public Duration flagsFileCheckInterval() {
    return flagsFileCheckInterval;
  }

  /** The explicit data source, or null. */
  public DataSourceFactory dataSource() {
    return dataSource;
  }

  /** Whether flags are polled instead of streamed. */
  public boolean polling() {
    return polling;
  }

  /** The polling interval. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** The polling service URI. */
  public URI baseUri() {
    return baseUri;
  }

  /** The streaming service URI. */
  public URI streamUri() {
    return streamUri;
  }

  /** The events service URI. */
  public URI eventsUri() {
    return eventsUri;
  }

  /** How long the server constructor and async getters wait for the first data. */
  public Duration startWait() {
    return startWait;
  }

  /** The TCP connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The read timeout for polling and event requests. */
  public Duration socketTimeout() {
    return socketTimeout;
  }

  /** How long a stream may stay silent (no data, no heartbeat) before it is restarted. */
  public Duration streamReadTimeout() {
    return streamReadTimeout;
  }

  /** The first reconnect delay; it doubles up to 30 s with jitter. */
  public Duration initialReconnectDelay() {
    return initialReconnectDelay;
  }

  /**
   * The most bytes of flag data read at once: one stream event, one polling body after
   * decompression, one flags file. See {@link Builder#maxDataBytes}.
   */
  public int maxDataBytes() {
    return maxDataBytes;
  }

  /** The longest one poll may take, from connecting to the body's last byte. */
  public Duration pollTimeout() {
    return pollTimeout;
  }

  /** The HTTP proxy, or null. */
  public URI proxyUri() {
    return proxyUri;
  }

  /** Whether analytics events are sent. */
  public boolean eventsEnabled() {
    return eventsEnabled && !offline;
  }

  /** How many events the queue holds before it drops new ones. */
  public int eventCapacity() {
    return eventCapacity;
  }

  /** How often queued events are sent. */
  public Duration flushInterval() {
    return flushInterval;
  }

  /** How many context keys are remembered to avoid repeating {@code index} events. */
  public int contextKeysCapacity() {
    return contextKeysCapacity;
  }

  /** Whether every attribute but key and kind is redacted from events. */
  public boolean allAttributesPrivate() {
    return allAttributesPrivate;
  }

  /** Attributes redacted from events for every context. */
  public Set<AttributeRef> privateAttributes() {
    return privateAttributes;
  }

  /** The clock (a test seam). */
  public Clock clock() {
    return clock;
  }

  /** The hooks told of each evaluation, track and identify, in order. */
  public List<AvsbHook> hooks() {
    return hooks;
  }

  /** The persistent store shared by a fleet, or null. */
  public PersistentStoreFactory persistentStore() {
    return persistentStore;
  }

  /** Whether the server reads its flags only from the persistent store (no data source). */
  public boolean daemonMode() {
    return daemonMode;
  }

  /** How often the persistent store is checked for missed changes. */
  public Duration storeResyncInterval() {
    return storeResyncInterval;
  }

  /**
   * The most bytes the held events may weigh (queued, awaiting a flush or being delivered), by the
   * size of their JSON form; past it new events are dropped and counted.
   */
  public long eventMemoryBytes() {
    return eventMemoryBytes;
  }

  /** The largest JSON form one event may have; a larger event is dropped alone, with one WARN. */
  public int maxEventBytes() {
    return maxEventBytes;
  }

  /**
   * Builds an {@link AvsbConfig}. Setters validate eagerly and throw {@link
   * IllegalArgumentException} or {@link NullPointerException} naming the argument. Not
   * thread-safe.
   */
  public static final class Builder {
    private final String sdkKey;
    private boolean offline;
    private Path flagsFile;
    private Duration flagsFileCheckInterval = Duration.ofSeconds(1);
    private DataSourceFactory dataSource;
    private boolean polling;
    private Duration pollInterval = MIN_POLL_INTERVAL;
    private URI baseUri = DEFAULT_BASE_URI;
    private URI streamUri = DEFAULT_STREAM_URI;
    private URI eventsUri = DEFAULT_EVENTS_URI;
    private Duration startWait = Duration.ofSeconds(5);
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration socketTimeout = Duration.ofSeconds(10);
    private Duration streamReadTimeout = Duration.ofMinutes(5);
    private Duration initialReconnectDelay = Duration.ofSeconds(1);
    private int maxDataBytes = DEFAULT_MAX_DATA_BYTES;
    private Duration pollTimeout = Duration.ofSeconds(60);
    private URI proxyUri;
    private boolean eventsEnabled = true;
    private int eventCapacity = 10_000;
    private Duration flushInterval = Duration.ofSeconds(5);
    private int contextKeysCapacity = 1_000;
    private boolean allAttributesPrivate;
    private final Set<AttributeRef> privateAttributes = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private final List<AvsbHook> hooks = new ArrayList<>();
    private long eventMemoryBytes = DEFAULT_EVENT_MEMORY_BYTES;
    private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
    private PersistentStoreFactory persistentStore;
    private boolean daemonMode;
    private Duration storeResyncInterval = Duration.ofSeconds(60);

    private Builder(String sdkKey) {
      this.sdkKey = sdkKey == null || sdkKey.isBlank() ? null : sdkKey.trim();
    }

    /** No network at all: data only from a flags file or data source, no events. */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /**
     * Reads flags from a JSON or YAML file (the flag model, or a simple {@code flagValues} map),
     * reloaded when it changes. A file that is missing or malformed at start ends the start wait
     * at once: the server is not ready (flags give the caller's default with {@code
     * CLIENT_NOT_READY}) until a good version is read, and the error is logged with the path.
     */
    public Builder flagsFile(Path flagsFile) {
      this.flagsFile = Objects.requireNonNull(flagsFile, "flagsFile");
      return this;
    }

    /**
     * How often the flags file's modification time and size are checked; a change reloads it
     * (default 1 s).
     */
    public Builder flagsFileCheckInterval(Duration flagsFileCheckInterval) {
      this.flagsFileCheckInterval = requirePositive(flagsFileCheckInterval, "flagsFileCheckInterval");
      return this;
    }

    /** Uses a custom data source (such as the testkit's {@code TestData}). */
    public Builder dataSource(DataSourceFactory dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** Polls instead of streaming. */
    public Builder polling(boolean polling) {
      this.polling = polling;
      return this;
    }

    /** The polling interval; at least {@link AvsbConfig#MIN_POLL_INTERVAL}. */
    public Builder pollInterval(Duration pollInterval) {
      requirePositive(pollInterval, "pollInterval");
      if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
        throw new IllegalArgumentException("pollInterval must be at least 30s, was " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /** The polling service URI (default {@code https://sdk.avsb.io}). */
    public Builder baseUri(URI baseUri) {
      this.baseUri = requireHttp(baseUri, "baseUri");
      return this;
    }

    /** The streaming service URI (default {@code https://stream.avsb.io}). */
    public Builder streamUri(URI streamUri) {
      this.streamUri = requireHttp(streamUri, "streamUri");
      return this;
    }

    /** The events service URI (default {@code https://events.avsb.io}). */
    public Builder eventsUri(URI eventsUri) {
      this.eventsUri = requireHttp(eventsUri, "eventsUri");
      return this;
    }

    /** How long to wait for the first data set (default 5 s; zero means do not wait). */
    public Builder startWait(Duration startWait) {
      Objects.requireNonNull(startWait, "startWait");
      if (startWait.isNegative()) {
        throw new IllegalArgumentException("startWait must not be negative, was " + startWait);
      }
      this.startWait = startWait;
      return this;
    }

    /** The TCP connect timeout (default 2 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
      return this;
    }

    /** The read timeout for polling and events (default 10 s). */
    public Builder socketTimeout(Duration socketTimeout) {
      this.socketTimeout = requirePositive(socketTimeout, "socketTimeout");
      return this;
    }

    /** How long a silent stream is kept before it is restarted (default 5 min). */
    public Builder streamReadTimeout(Duration streamReadTimeout) {
      this.streamReadTimeout = requirePositive(streamReadTimeout, "streamReadTimeout");
      return this;
    }

    /** The first reconnect delay (default 1 s). */
    public Builder initialReconnectDelay(Duration initialReconnectDelay) {
      this.initialReconnectDelay = requirePositive(initialReconnectDelay, "initialReconnectDelay");
      return this;
    }

    /**
     * The most bytes of flag data the server reads at once (default 64 MiB, at most 1 GiB): one
     * stream event (a {@code put} holds every flag), one polling response body counted after
     * gzip or deflate decompression, one flags file. A larger body is not applied: the last good
     * data stays in use, the status reports an {@code INVALID_DATA} error naming the limit, and the
     * source retries as after any bad data. JSON is read with limits to match: any string up to
     * this many characters, numbers up to 1,000 characters, nesting up to 200 levels.
     */
    public Builder maxDataBytes(int maxDataBytes) {
      if (maxDataBytes < 1 || maxDataBytes > MAX_DATA_BYTES_LIMIT) {
        throw new IllegalArgumentException("maxDataBytes must be from 1 to " + MAX_DATA_BYTES_LIMIT
            + ", was " + maxDataBytes);
      }
      this.maxDataBytes = maxDataBytes;
      return this;
    }

    /**
     * The longest one poll may take, from connecting to the last byte of the body (default 60 s):
     * a service that answers slowly, even a byte at a time, fails the poll with a network error
     * instead of holding it open. Each single read still fails after {@link #socketTimeout}.
     */
    public Builder pollTimeout(Duration pollTimeout) {
      this.pollTimeout = requirePositive(pollTimeout, "pollTimeout");
      return this;
    }

    /** An HTTP proxy such as {@code http://proxy:3128}. */
    public Builder proxyUri(URI proxyUri) {
      this.proxyUri = requireHttp(proxyUri, "proxyUri");
      return this;
    }

    /** Turns analytics events on or off (default on). */
    public Builder eventsEnabled(boolean eventsEnabled) {
      this.eventsEnabled = eventsEnabled;
      return this;
    }

    /** The event queue's capacity (default 10,000). */
    public Builder eventCapacity(int eventCapacity) {
      if (eventCapacity < 1) {
        throw new IllegalArgumentException("eventCapacity must be at least 1, was " + eventCapacity);
      }
      this.eventCapacity = eventCapacity;
      return this;
    }

    /** How often events are sent (default 5 s). */
    public Builder flushInterval(Duration flushInterval) {
      this.flushInterval = requirePositive(flushInterval, "flushInterval");
      return this;
    }

    /** How many context keys are remembered for index-event deduplication (default 1,000). */
    public Builder contextKeysCapacity(int contextKeysCapacity) {
      if (contextKeysCapacity < 1) {
        throw new IllegalArgumentException(
            "contextKeysCapacity must be at least 1, was " + contextKeysCapacity);
      }
      this.contextKeysCapacity = contextKeysCapacity;
      return this;
    }

    /** Redacts every attribute but key and kind from events. */
    public Builder allAttributesPrivate(boolean allAttributesPrivate) {
      this.allAttributesPrivate = allAttributesPrivate;
      return this;
    }

    /** Redacts these attributes (names or {@code /path} references) from events. */
    public Builder privateAttributes(String... references) {
      for (String r : references) {
        AttributeRef ref = AttributeRef.of(r);
        if (!ref.isValid()) {
          throw new IllegalArgumentException("privateAttributes: " + ref.error() + ": " + r);
        }
        privateAttributes.add(ref);
      }
      return this;
    }

    /** The clock; a test seam (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Adds hooks told of each evaluation, track and identify (see {@link AvsbHook}). */
    public Builder hooks(AvsbHook... hooks) {
      for (AvsbHook h : hooks) {
        this.hooks.add(Objects.requireNonNull(h, "hooks"));
      }
      return this;
    }

    /**
     * Bounds the memory of analytics events (default 32 MiB): the held events, queued, awaiting a
     * flush or being delivered, may weigh at most this many bytes by the size of their JSON form
     * (a queued custom event by its estimate); past it new events are dropped and counted, so a
     * burst of large {@code track} payloads cannot fill the heap. At least 1,024, and at least
     * {@link #maxEventBytes}.
     */
    public Builder eventMemoryBytes(long eventMemoryBytes) {
      if (eventMemoryBytes < 1024) {
        throw new IllegalArgumentException(
            "eventMemoryBytes must be at least 1024, was " + eventMemoryBytes);
      }
      this.eventMemoryBytes = eventMemoryBytes;
      return this;
    }

    /**
     * A persistent store shared by a fleet, such as {@code avsb-redis}'s {@code RedisStore}. With a
     * data source, every full data set and update is written through to it, and when the data
     * source cannot deliver at start the server begins from the store's data (the data source's
     * data replaces it when it arrives). See {@link #daemonMode} for instances without a data
     * source. Evaluation never reads the store: it reads the in-memory snapshot as always.
     */
    public Builder persistentStore(PersistentStoreFactory persistentStore) {
      this.persistentStore = Objects.requireNonNull(persistentStore, "persistentStore");
      return this;
    }

    /**
     * The largest JSON form one event may have (default 256 KiB): a larger {@code track} payload,
     * or an index or feature event whose context is larger, is dropped alone, with one WARN per
     * event key, and the other events are sent. At least 1,024.
     */
    public Builder maxEventBytes(int maxEventBytes) {
      if (maxEventBytes < 1024) {
        throw new IllegalArgumentException(
            "maxEventBytes must be at least 1024, was " + maxEventBytes);
      }
      this.maxEventBytes = maxEventBytes;
      return this;
    }

    /**
     * Daemon mode: no data source of its own; the server reads the whole data set from the {@link
     * #persistentStore persistent store} at start (it is ready once read), follows the store's
     * change notices, and reads everything again when the store says something was missed. Needs
     * a persistent store; excludes a flags file, a custom data source and offline mode.
     */
    public Builder daemonMode(boolean daemonMode) {
      this.daemonMode = daemonMode;
      return this;
    }

    /**
     * How often the persistent store is checked for changes missed between notices, and a writer
     * checks that the store still holds a data set (default 60 s).
     */
    public Builder storeResyncInterval(Duration storeResyncInterval) {
      this.storeResyncInterval = requirePositive(storeResyncInterval, "storeResyncInterval");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @throws IllegalArgumentException when {@code maxEventBytes} exceeds {@code eventMemoryBytes}
     * @throws IllegalStateException when daemon mode is set without a persistent store, or with a
     *     flags file, a data source or offline mode
     */
    public AvsbConfig build() {
      if (maxEventBytes > eventMemoryBytes) {
        throw new IllegalArgumentException("maxEventBytes (" + maxEventBytes
            + ") must not exceed eventMemoryBytes (" + eventMemoryBytes + ")");
      }
      if (daemonMode) {
        if (persistentStore == null) {
          throw new IllegalStateException("daemonMode needs a persistentStore to read flags from");
        }
        if (flagsFile != null || dataSource != null || offline) {
          throw new IllegalStateException("daemonMode reads flags only from the persistentStore:"
              + " do not set flagsFile, dataSource or offline with it");
        }
      }
      return new AvsbConfig(this);
    }

    /** Builds the configuration and a server from it; see {@link AvsbServer#AvsbServer(AvsbConfig)}. */
    public AvsbServer buildServer() {
      return new AvsbServer(build());
    }

    private static Duration requirePositive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    private static URI requireHttp(URI uri, String name) {
      Objects.requireNonNull(uri, name);
      String scheme = uri.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException(name + " must be an http or https URI, was " + uri);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException(name + " must name a host, was " + uri);
      }
      return uri;
    }
  }
}
