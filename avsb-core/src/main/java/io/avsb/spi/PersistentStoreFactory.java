package io.avsb.spi;

/**
 * Creates a server's {@link PersistentStore}; set on the configuration builder with {@code
 * persistentStore(...)}. Creating a store must not wait for it to be reachable. Implementations
 * must be thread-safe: one factory may serve several servers.
 */
@FunctionalInterface
public interface PersistentStoreFactory {
  /** Creates a store; {@code context} lends the server's scheduler and clock. */
  PersistentStore create(DataSourceContext context);
}
