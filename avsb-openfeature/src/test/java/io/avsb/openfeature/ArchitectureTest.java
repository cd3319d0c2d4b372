package io.avsb.openfeature;

import io.avsb.architecture.ArchitectureContract;

/** The OpenFeature module keeps the kit's architecture (see ArchitectureContract). */
class ArchitectureTest extends ArchitectureContract {}
