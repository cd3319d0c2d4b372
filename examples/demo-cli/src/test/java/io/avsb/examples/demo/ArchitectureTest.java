package io.avsb.examples.demo;

import io.avsb.architecture.ArchitectureContract;

/** The demo uses none of the kit's internal packages. */
class ArchitectureTest extends ArchitectureContract {}
