/**
 * Extension points of the SDK: data sources, hooks and persistent stores, which plug into {@code
 * AvsbConfig} (the network, file and test data sources are built on the same interfaces, and
 * {@code avsb-redis} implements {@link io.avsb.spi.PersistentStore}), and context resolvers, which
 * every web adapter takes ({@link io.avsb.spi.ContextResolver}, the built-in ones in {@link
 * io.avsb.spi.ContextResolvers}).
 */
package io.avsb.spi;
