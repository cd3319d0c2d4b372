/**
 * The persistent store shared by a fleet, beside the in-memory flag store and never on the
 * evaluation path: write-through of a data source's data ({@link
 * io.avsb.internal.persist.WriteThroughUpdates}), the start from the store when the data source
 * cannot deliver, daemon mode ({@link io.avsb.internal.persist.StoreFollower}), and the store's
 * availability with reconnects ({@link io.avsb.internal.persist.StoreHealth}). {@link
 * io.avsb.internal.persist.PersistentStoreLink} wires them into a server.
 */
package io.avsb.internal.persist;
