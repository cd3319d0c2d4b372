package io.avsb.examples.jaxrs;

import io.avsb.architecture.ArchitectureContract;

/** The JAX-RS example uses none of the kit's internal packages. */
class ArchitectureTest extends ArchitectureContract {}
