package io.avsb.jaxrs;

import io.avsb.architecture.ArchitectureContract;

/** The JAX-RS module keeps the kit's architecture (see ArchitectureContract). */
class ArchitectureTest extends ArchitectureContract {}
