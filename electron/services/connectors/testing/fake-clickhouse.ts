import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback server speaking the slice of ClickHouse's HTTP interface the connector uses: query in
 * the POST body, settings and `param_*` values in the URL, Basic auth, JSONCompact / JSONEachRow
 * answers and `Code: N. DB::Exception` errors. Its one table is a list of event dates.
 */
export interface FakeClickHouse {
  url: string
  requests: { query: string; params: URLSearchParams }[]
  close(): Promise<void>
}

const EVENTS = ['2025-10-20', '2025-11-01', '2025-11-02', '2025-11-15', '2025-11-30', '2025-12-01']

export async function startFakeClickHouse(options: { user: string; password: string }): Promise<FakeClickHouse> {
  const requests: FakeClickHouse['requests'] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const params = new URL(req.url ?? '/', 'http://localhost').searchParams
      const query = body.trim()
      requests.push({ query, params })
      const fail = (status: number, code: number, name: string, message: string): void => {
        res.writeHead(status, { 'X-ClickHouse-Exception-Code': String(code), 'Content-Type': 'text/plain' })
        res.end(`Code: ${code}. DB::Exception: ${message}. (${name}) (version 24.8.4.13 (official build))\n`)
      }
      const [user, password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':')
      if (user !== options.user || password !== options.password) {
        return fail(516, 516, 'AUTHENTICATION_FAILED', `${user}: Authentication failed: password is incorrect, or there is no user with such name`)
      }
      const json = (meta: string[], data: unknown[][]): void => {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ meta: meta.map((name) => ({ name, type: 'String' })), data, rows: data.length }))
      }
      if (/^(INSERT|ALTER|CREATE|DROP|TRUNCATE)/i.test(query) && params.get('readonly') === '1') {
        return fail(500, 164, 'READONLY', `${user}: Cannot execute query in readonly mode`)
      }
      if (params.get('readonly') !== '1') return fail(500, 1001, 'STD_EXCEPTION', 'the fake only answers read-only requests')
      if (query.startsWith('SELECT version(), currentUser()')) return json(['version()', 'currentUser()'], [['24.8.4.13', user]])
      if (query.startsWith('SHOW GRANTS')) return json(['GRANTS'], [[`GRANT SELECT ON analytics.* TO ${user}`]])
      if (query.includes('FROM system.columns')) {
        res.writeHead(200, { 'Content-Type': 'application/x-ndjson' })
        res.end(
          ['event_date Date', 'user_id UInt64']
            .map((c, i) => JSON.stringify({ schema: 'analytics', name: 'events', column: c.split(' ')[0], type: c.split(' ')[1], i }))
            .join('\n') + '\n'
        )
        return
      }
      if (query.startsWith('SELECT sleep(3)')) {
        const limit = Number(params.get('max_execution_time'))
        setTimeout(() => fail(500, 159, 'TIMEOUT_EXCEEDED', `Timeout exceeded: elapsed ${limit} seconds, maximum: ${limit}`), limit * 1000)
        return
      }
      const start = params.get('param_period_start')
      const end = params.get('param_period_end')
      if (query.includes('FROM events') && start && end) {
        const inPeriod = EVENTS.filter((d) => d >= start && d < end)
        if (query.includes('toStartOfMonth')) {
          const months = [...new Set(inPeriod.map((d) => `${d.slice(0, 7)}-01`))].sort()
          return json(
            ['month', 'count()'],
            months.map((m) => [m, String(inPeriod.filter((d) => d.startsWith(m.slice(0, 7))).length)])
          )
        }
        return json(['count()'], [[String(inPeriod.length)]])
      }
      return fail(500, 62, 'SYNTAX_ERROR', 'Syntax error: the fake does not know this query')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
