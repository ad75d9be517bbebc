const WRITE_PRIVILEGES = ['ALL', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE']

/** The first GRANT line (MySQL/MariaDB/ClickHouse `SHOW GRANTS`) that allows a write, as a reason; null if none. */
export function writeGrant(grants: string[], user: string): string | null {
  for (const grant of grants) {
    const m = /^GRANT (.+?) ON (\S+) TO/i.exec(grant.trim())
    if (!m) continue
    const writes = m[1]!
      .split(',')
      .map((p) => p.trim().toUpperCase())
      .filter((p) => WRITE_PRIVILEGES.some((w) => p === w || p.startsWith(`${w} `) || p.startsWith(`${w}(`)))
    if (writes.length > 0) return `User ${user} has ${writes.join(', ')} on ${m[2]}.`
  }
  return null
}
