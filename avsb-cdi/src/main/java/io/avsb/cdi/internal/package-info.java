/** Implementation of avsb-cdi: the request cell, the deferred helper, resolution, the server. */
package io.avsb.cdi.internal;
