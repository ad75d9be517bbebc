import type { Db } from '../../db/open'
import type Database from 'better-sqlite3'
import type { EventBus } from './events/event-bus'

/** What every core service is built from. */
export interface ServiceDeps {
  db: Db
  sqlite: Database.Database
  events: EventBus
  now: () => number
}
