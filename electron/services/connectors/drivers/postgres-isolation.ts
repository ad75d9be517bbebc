import type pg from 'pg'
import { protectionOf, type FormulaProtection, type ProtectionGap } from '../../../domain/source-protection'

/** PostgreSQL 14+'s predefined role that may read every table and nothing more. */
export const READER_ROLE = 'pg_read_all_data'

/**
 * How formulas run on one session. `restricted`: inside a SECURITY DEFINER function owned by
 * READER_ROLE, where PostgreSQL refuses to change `role` or `session_authorization`, so even a
 * superuser login cannot take its powers back. `own-role`: as the login, in a read-only transaction.
 */
export type Isolation = { mode: 'restricted' } | { mode: 'own-role'; superuser: boolean; gaps: ProtectionGap[] }

interface RoleRow {
  superuser: boolean
  reader: boolean | null
  server_files: boolean
  signal: boolean
  programs: boolean
}

// A role that does not exist (PostgreSQL < 14) makes pg_has_role fail, hence the lookups by name.
const member = (role: string): string => `COALESCE((SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = '${role}'), false)`
const ROLE_SQL = `
SELECT r.rolsuper AS superuser, (SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = '${READER_ROLE}') AS reader,
  r.rolsuper OR ${member('pg_read_server_files')} OR ${member('pg_write_server_files')} AS server_files,
  r.rolsuper OR ${member('pg_signal_backend')} AS signal,
  r.rolsuper OR ${member('pg_execute_server_program')} AS programs
FROM pg_roles r WHERE r.rolname = current_user`

// The formula is wrapped as a subquery; each row comes back as [[name, value], …] so that
// duplicate column names and their order survive.
const CREATE_FUNCTION = `
CREATE FUNCTION pg_temp.kpiloop_formula(q text, lim integer, p1 date, p2 date) RETURNS SETOF json
LANGUAGE plpgsql SECURITY DEFINER AS $kpiloop$
BEGIN
  RETURN QUERY EXECUTE format(
    'SELECT (SELECT json_agg(json_build_array(e.key, e.value)) FROM json_each(row_to_json(r)) e) FROM (%s) r LIMIT %s', q, lim
  ) USING p1, p2;
END
$kpiloop$`

// With no row to carry them, a result's column names and types come from a row of NULLs the formula is outer-joined to
// (a NULL keeps its column's type for pg_typeof). Names that repeat cannot be told apart by name: their type stays unknown.
const CREATE_COLUMNS_FUNCTION = `
CREATE FUNCTION pg_temp.kpiloop_columns(q text, p1 date, p2 date) RETURNS json
LANGUAGE plpgsql SECURITY DEFINER AS $kpiloop$
DECLARE
  names text[];
  nulls text := format('(SELECT r.* FROM (SELECT 1) d LEFT JOIN (%s) r ON true LIMIT 1) x', q);
  typed json;
BEGIN
  EXECUTE format('SELECT array_agg(e.key ORDER BY e.n) FROM %s, json_each(row_to_json(x)) WITH ORDINALITY e(key, value, n)', nulls)
    INTO names USING p1, p2;
  IF names IS NULL THEN RETURN '[]'; END IF;
  IF (SELECT count(DISTINCT c) FROM unnest(names) c) < cardinality(names) THEN
    RETURN (SELECT json_agg(json_build_array(c, 'unknown') ORDER BY n) FROM unnest(names) WITH ORDINALITY u(c, n));
  END IF;
  EXECUTE format('SELECT json_build_array(%s) FROM %s',
    (SELECT string_agg(format('json_build_array(%L, pg_typeof(x.%I)::text)', c, c), ', ' ORDER BY n) FROM unnest(names) WITH ORDINALITY u(c, n)), nulls)
    INTO typed USING p1, p2;
  RETURN typed;
END
$kpiloop$`

const sessions = new WeakMap<pg.ClientBase, Isolation>()

/** Decides (once per session) how formulas run, creating the session's temporary function where it can. */
export async function isolationOf(client: pg.ClientBase): Promise<Isolation> {
  const known = sessions.get(client)
  if (known) return known
  const role = (await client.query(ROLE_SQL)).rows[0] as RoleRow
  let isolation: Isolation | undefined
  if (role.reader || role.superuser) {
    try {
      // A temporary function vanishes with the session: nothing is left in the user's database.
      await client.query(CREATE_FUNCTION)
      await client.query(`ALTER FUNCTION pg_temp.kpiloop_formula(text, integer, date, date) OWNER TO ${READER_ROLE}`)
      await client.query(CREATE_COLUMNS_FUNCTION)
      await client.query(`ALTER FUNCTION pg_temp.kpiloop_columns(text, date, date) OWNER TO ${READER_ROLE}`)
      isolation = { mode: 'restricted' }
    } catch {
      // No pg_read_all_data (PostgreSQL < 14), no TEMP privilege, or a hot standby: fall through.
      await client.query('DROP FUNCTION IF EXISTS pg_temp.kpiloop_formula(text, integer, date, date)').catch(() => undefined)
      await client.query('DROP FUNCTION IF EXISTS pg_temp.kpiloop_columns(text, date, date)').catch(() => undefined)
    }
  }
  isolation ??= {
    mode: 'own-role',
    superuser: role.superuser,
    gaps: [
      ...(role.superuser ? (['superuserSession'] as const) : []),
      ...(role.server_files ? (['serverFiles'] as const) : []),
      ...(role.signal ? (['signalSessions'] as const) : []),
      ...(role.programs ? (['serverPrograms'] as const) : [])
    ]
  }
  sessions.set(client, isolation)
  return isolation
}

export function describeIsolation(isolation: Isolation, timeoutMs: number): FormulaProtection {
  if (isolation.mode === 'restricted') return protectionOf(['readOnlyTransaction', 'restrictedRole', 'statementTimeout'], [], timeoutMs, READER_ROLE)
  return protectionOf(['readOnlyTransaction', 'statementTimeout'], isolation.gaps, timeoutMs)
}

/** What a column's JSON values say of its type (the restricted function returns rows as JSON, without the types). */
function jsonType(values: unknown[]): string {
  const present = values.filter((v) => v !== null && v !== undefined)
  if (present.length === 0) return 'unknown'
  if (present.every((v) => typeof v === 'number')) return 'numeric'
  if (present.every((v) => typeof v === 'boolean')) return 'boolean'
  if (present.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'date'
  if (present.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v))) return 'timestamp'
  return present.every((v) => typeof v === 'string') ? 'text' : 'json'
}

/**
 * Runs the bound formula inside the restricted function; its columns (named by the rows, typed by their values) and rows.
 * An empty result asks the columns function, so that a period with no data still shows which column is the date.
 */
export async function runRestricted(
  client: pg.ClientBase,
  text: string,
  values: string[],
  rowLimit: number
): Promise<{ columns: { name: string; type: string }[]; rows: unknown[][] }> {
  const result = await client.query({
    text: 'SELECT pg_temp.kpiloop_formula($1, $2, $3, $4)',
    values: [text, rowLimit + 1, values[0] ?? null, values[1] ?? null],
    rowMode: 'array'
  })
  const pairs = (result.rows as [[string, unknown][] | null][]).map(([row]) => row ?? [])
  const rows = pairs.map((row) => row.map(([, value]) => value))
  if (pairs.length === 0) {
    const described = await client.query({
      text: 'SELECT pg_temp.kpiloop_columns($1, $2, $3)',
      values: [text, values[0] ?? null, values[1] ?? null],
      rowMode: 'array'
    })
    const columns = ((described.rows[0] as [[string, string][]] | undefined)?.[0] ?? []).map(([name, type]) => ({ name, type }))
    return { columns, rows: [] }
  }
  const names = pairs[0]!.map(([name]) => name)
  return { columns: names.map((name, i) => ({ name, type: jsonType(rows.map((row) => row[i])) })), rows }
}
