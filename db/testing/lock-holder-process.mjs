// Another process writing to a workspace: takes the write lock, writes an audit entry, prints
// "locked", and commits when stdin closes (or after HOLD_MS). Tests start it with node.
import Database from 'better-sqlite3'

const [file, holdMs] = process.argv.slice(2)
const db = new Database(file, { timeout: 10_000 })
db.exec('BEGIN IMMEDIATE')
db.prepare("INSERT INTO audit_log (at, actor, action, summary) VALUES (?, 'holder', 'board.create', 'written by the other process')").run(Date.now())
process.stdout.write('locked\n')
const release = () => {
  db.exec('COMMIT')
  db.close()
  process.stdout.write('released\n')
  process.exit(0)
}
if (holdMs) setTimeout(release, Number(holdMs))
process.stdin.on('end', release).resume()
