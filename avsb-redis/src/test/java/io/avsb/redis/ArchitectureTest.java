package io.avsb.redis;

import io.avsb.architecture.ArchitectureContract;

/** The Redis module keeps the kit's architecture (see ArchitectureContract). */
class ArchitectureTest extends ArchitectureContract {}
