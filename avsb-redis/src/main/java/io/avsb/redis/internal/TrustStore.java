package io.avsb.redis.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A trust store file (PKCS12 or JKS) holding the certificates a {@code rediss://} server may
 * present, such as a private CA's. {@link #toString()} leaves the password out. Immutable and
 * thread-safe.
 *
 * @param file the trust store file
 * @param password its password
 */
public record TrustStore(Path file, String password) {
  /** Checks that both parts are present. */
  public TrustStore {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "TrustStore[" + file + "]";
  }
}
