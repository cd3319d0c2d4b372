/** Extension points of the servlet integration: how a request becomes a context. */
package io.avsb.servlet.spi;
