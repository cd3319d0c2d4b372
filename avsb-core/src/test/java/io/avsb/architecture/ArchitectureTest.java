package io.avsb.architecture;

/** Core keeps the kit's architecture: stage order, no cycles, no internal type shown. */
class ArchitectureTest extends ArchitectureContract {}
