package io.avsb.examples.checkout;

import io.avsb.architecture.ArchitectureContract;

/** The servlet example uses none of the kit's internal packages. */
class ArchitectureTest extends ArchitectureContract {}
