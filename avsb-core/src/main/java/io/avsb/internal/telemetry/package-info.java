/**
 * What the standards adapters (OpenFeature, OpenTelemetry) share: our reasons and error kinds in
 * the vocabulary of those standards. Internal: none of these types appears in the public API.
 */
package io.avsb.internal.telemetry;
