package io.avsb.micrometer;

import io.avsb.architecture.ArchitectureContract;

/** The Micrometer module keeps the kit's architecture (see ArchitectureContract). */
class ArchitectureTest extends ArchitectureContract {}
