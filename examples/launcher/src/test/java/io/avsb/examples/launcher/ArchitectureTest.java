package io.avsb.examples.launcher;

import io.avsb.architecture.ArchitectureContract;

/** The launcher uses none of the kit's internal packages. */
class ArchitectureTest extends ArchitectureContract {}
