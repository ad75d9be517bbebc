import type { Db } from '../../db/open'
import type { WriteTransaction } from '../../db/write-transaction'
import type Database from 'better-sqlite3'
import type { EventBus } from './events/event-bus'

/** What every core service is built from. */
export interface ServiceDeps {
  db: Db
  sqlite: Database.Database
  /** Wraps a function of statements as a write transaction: the write lock first, waiting for other writers. */
  transaction: WriteTransaction
  events: EventBus
  now: () => number
}
