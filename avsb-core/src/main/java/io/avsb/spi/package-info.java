/**
 * Extension points of the SDK: data sources. Implementations plug into {@code AvsbConfig}; the
 * network, file and test data sources are built on the same interfaces.
 */
package io.avsb.spi;
