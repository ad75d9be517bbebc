import { integer } from 'drizzle-orm/sqlite-core'

/** Integer surrogate keys: the hot paths (revisions, measurements) join on them. */
export const id = () => integer().primaryKey({ autoIncrement: true })
/**
 * Keys of append-only tables (revisions, the audit log): their rows are never deleted, so a plain
 * rowid is never reused, and without AUTOINCREMENT an insert does not also rewrite sqlite_sequence.
 */
export const appendId = () => integer().primaryKey()
/** Unix epoch milliseconds. */
export const timestamp = () => integer()
