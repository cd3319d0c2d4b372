package io.avsb.servlet;

import io.avsb.architecture.ArchitectureContract;

/** The servlet module keeps the kit's architecture (see ArchitectureContract). */
class ArchitectureTest extends ArchitectureContract {}
