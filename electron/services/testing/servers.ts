import { connect } from 'node:net'

/** The database servers the connector tests use, and how a developer starts each on Debian. */
const SERVERS = {
  postgres: { port: 5432, start: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' },
  mysql: { port: 3306, start: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd' }
} as const
export type TestServer = keyof typeof SERVERS

/** Whether the server answers on 127.0.0.1 (a TCP connection within a second). */
export function serverUp(server: TestServer): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: SERVERS[server].port, timeout: 1000 })
    const done = (up: boolean) => {
      socket.destroy()
      resolve(up)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.once('timeout', () => done(false))
  })
}

/**
 * Whether a test file that needs these database servers runs. Where one is down it is skipped with one line saying how
 * to start it; in CI (CI=true) it runs anyway, so a server that failed to start fails the build instead of hiding.
 * Use it as `describe.skipIf(!(await serversUp(...)))`: a file whose tests are all skipped runs none of its hooks.
 */
export async function serversUp(what: string, ...servers: TestServer[]): Promise<boolean> {
  if (process.env.CI === 'true') return true
  for (const server of servers) {
    if (await serverUp(server)) continue
    console.log(`skipped ${what}: no ${server} server on 127.0.0.1:${SERVERS[server].port} (start it: ${SERVERS[server].start})`)
    return false
  }
  return true
}
