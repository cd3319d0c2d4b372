package io.avsb.opentelemetry;

import io.avsb.architecture.ArchitectureContract;

/** The OpenTelemetry module keeps the kit's architecture (see ArchitectureContract). */
class ArchitectureTest extends ArchitectureContract {}
