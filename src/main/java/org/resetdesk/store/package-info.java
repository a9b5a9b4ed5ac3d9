/**
 * The H2 store: {@link org.resetdesk.store.H2Database} (one file shared by every process through H2's mixed mode,
 * server on loopback only, Flyway migrations with a backup first, refusal of unusable files),
 * {@link org.resetdesk.store.H2JobRepository} (job snapshots as JSON plus the chained, append-only event log;
 * {@code CHECKPOINT SYNC} after every state transition), {@link org.resetdesk.store.AuditChain},
 * {@link org.resetdesk.store.H2StaffDirectory} (PBKDF2 PINs, lockout), {@link org.resetdesk.store.FileArtifacts}
 * (atomic job files with SHA-256) and {@link org.resetdesk.store.Retention} (purge of personal data).
 *
 * <p>Wiring: {@code H2Database db = H2Database.open(path, Options.createIfMissing(), clock)}, then
 * {@code new H2JobRepository(db)}, {@code new H2StaffDirectory(db, clock)}, {@code new FileArtifacts(dataDir)},
 * {@code new Retention(jobs, files).purge(days, clock)}; close the database when the process ends. Event details
 * must not carry personal data: the retention purge cannot rewrite the chained log.
 */
package org.resetdesk.store;
