package io.avsb.cdi;

import io.avsb.architecture.ArchitectureContract;

/** The CDI module keeps the kit's architecture (see ArchitectureContract). */
class ArchitectureTest extends ArchitectureContract {}
