/**
 * Extension points of the SDK: data sources, hooks and persistent stores. Implementations plug
 * into {@code AvsbConfig}; the network, file and test data sources are built on the same
 * interfaces, and {@code avsb-redis} implements {@link io.avsb.spi.PersistentStore}.
 */
package io.avsb.spi;
