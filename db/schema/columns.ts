import { integer } from 'drizzle-orm/sqlite-core'

/** Integer surrogate keys: the hot paths (revisions, measurements) join on them. */
export const id = () => integer().primaryKey({ autoIncrement: true })
/** Unix epoch milliseconds. */
export const timestamp = () => integer()
