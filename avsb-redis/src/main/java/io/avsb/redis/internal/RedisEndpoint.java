package io.avsb.redis.internal;

import java.net.URI;
import java.util.Objects;

/**
 * Where a Redis server is and how to log in: from a {@code redis://} or {@code rediss://} (TLS)
 * URI, {@code redis[s]://[[user]:password@]host[:port][/database]}; a user info without a colon is
 * the password. {@link #toString()} masks the password, so an endpoint can be logged. Immutable and
 * thread-safe.
 *
 * @param host the host name or address
 * @param port the port (default 6379)
 * @param tls whether to connect with TLS ({@code rediss})
 * @param database the database number (default 0)
 * @param user the ACL user, or null for the default user
 * @param password the password, or null for none; never logged
 */
public record RedisEndpoint(String host, int port, boolean tls, int database, String user,
    String password) {
  /** The default port of Redis. */
  public static final int DEFAULT_PORT = 6379;

  /** Checks host, port and database. */
  public RedisEndpoint {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 1-65535, was " + port);
    }
    if (database < 0) {
      throw new IllegalArgumentException("database must not be negative, was " + database);
    }
    user = user == null || user.isEmpty() ? null : user;
    password = password == null || password.isEmpty() ? null : password;
  }

  /**
   * The endpoint a URI names.
   *
   * @throws IllegalArgumentException when the URI is not {@code redis://} or {@code rediss://}
   *     with a host, or its path is not a database number; the message never repeats the password
   */
  public static RedisEndpoint parse(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme();
    boolean tls = "rediss".equalsIgnoreCase(scheme);
    if (!tls && !"redis".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("uri must start with redis:// or rediss://, was "
          + (scheme == null ? "a URI without scheme" : scheme + "://..."));
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("uri must name a host (redis://host:port)");
    }
    String user = null;
    String password = null;
    String info = uri.getUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      if (colon < 0) {
        password = info;
      } else {
        user = info.substring(0, colon);
        password = info.substring(colon + 1);
      }
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new RedisEndpoint(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), tls,
        database(uri.getPath()), user, password);
  }

  private static int database(String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    try {
      int db = Integer.parseInt(path.substring(1));
      if (db >= 0) {
        return db;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("the uri's path must be a database number such as /0");
  }

  /** This endpoint with another user and password (null keeps the current one). */
  public RedisEndpoint withCredentials(String newUser, String newPassword) {
    return new RedisEndpoint(host, port, tls, database, newUser != null ? newUser : user,
        newPassword != null ? newPassword : password);
  }

  /** The URI with the password masked, such as {@code redis://app:****@cache:6379/0}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(tls ? "rediss://" : "redis://");
    if (user != null || password != null) {
      if (user != null) {
        b.append(user);
      }
      if (password != null) {
        b.append(":****");
      }
      b.append('@');
    }
    b.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
    return b.append(':').append(port).append('/').append(database).toString();
  }
}
