package io.avsb.testkit;

import io.avsb.architecture.ArchitectureContract;

/** The testkit keeps the kit's architecture (see ArchitectureContract). */
class ArchitectureTest extends ArchitectureContract {}
