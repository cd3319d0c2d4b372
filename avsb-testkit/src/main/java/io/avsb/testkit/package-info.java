/**
 * Testing support for code that uses the A vs B SDK: {@link io.avsb.testkit.TestData} describes
 * flags in code and feeds them to a real server; {@link io.avsb.testkit.MockAvsbServer} is such a
 * server with events off that records the evaluations and {@code track} calls made through it
 * ({@link io.avsb.testkit.MockAsyncAvsbServer} is its async twin);
 * {@link io.avsb.testkit.AvsbExtension} gives each JUnit 5 test fresh instances of both;
 * {@link io.avsb.testkit.AvsbTestService} is a local HTTP service speaking the A vs B protocol,
 * for testing the network data sources and event delivery.
 * JUnit Jupiter is an optional dependency, needed only for the extension and its annotations.
 */
package io.avsb.testkit;
