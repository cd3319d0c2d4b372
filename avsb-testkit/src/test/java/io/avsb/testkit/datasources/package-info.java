/**
 * Integration tests of the SDK's network data sources over real HTTP (Apache HttpClient 5 against
 * {@link io.avsb.testkit.AvsbTestService} on loopback). They live in the testkit module because
 * avsb-core cannot depend on the testkit (that would be a cycle), in a package of their own so that
 * no package is split between the two jars; they reach the sources through their public
 * constructors, the streaming one with the backoff's jitter injected.
 */
package io.avsb.testkit.datasources;
