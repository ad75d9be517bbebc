import type { SourceKind } from '../../../db/schema/integrations'

/*
 * Functions a SELECT can call that act outside the read: they write (sequences, large objects,
 * files, settings), take locks, signal other sessions, run SQL text the guard cannot see, or reach
 * other servers and the file system. Read-only sessions stop some of them, not all (nextval,
 * set_config, advisory locks, dblink and pg_terminate_backend all work inside BEGIN READ ONLY),
 * so the guard refuses them by name. Harmless waits (pg_sleep, SLEEP) stay allowed: the statement
 * timeout bounds them.
 */
const POSTGRES = [
  // other sessions and the server
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_promote',
  'pg_switch_wal',
  'pg_create_restore_point',
  'pg_logical_emit_message',
  'pg_notify',
  'pg_stat_reset',
  'pg_create_logical_replication_slot',
  'pg_create_physical_replication_slot',
  'pg_drop_replication_slot',
  // state changes that survive or escape the read-only transaction
  'set_config',
  'nextval',
  'setval',
  'txid_current',
  'pg_current_xact_id',
  'pg_advisory_lock',
  'pg_advisory_lock_shared',
  'pg_advisory_xact_lock',
  'pg_advisory_xact_lock_shared',
  'pg_try_advisory_lock',
  'pg_try_advisory_lock_shared',
  'pg_try_advisory_xact_lock',
  'pg_try_advisory_xact_lock_shared',
  'pg_advisory_unlock',
  'pg_advisory_unlock_shared',
  'pg_advisory_unlock_all',
  // large objects and server files
  'lo_import',
  'lo_export',
  'lo_unlink',
  'lo_create',
  'lo_creat',
  'lo_from_bytea',
  'lo_put',
  'lowrite',
  'pg_read_file',
  'pg_read_binary_file',
  'pg_ls_dir',
  'pg_stat_file',
  'pg_file_write',
  'pg_file_unlink',
  'pg_file_rename',
  // SQL run elsewhere or from a string
  'dblink',
  'dblink_exec',
  'dblink_connect',
  'dblink_send_query',
  'query_to_xml',
  'query_to_xmlschema',
  'query_to_xml_and_xmlschema'
]

/** MySQL/MariaDB: server files, named locks (held past the statement), replication waits, sequences. */
const MYSQL = [
  'load_file',
  'get_lock',
  'release_lock',
  'release_all_locks',
  'master_pos_wait',
  'source_pos_wait',
  'master_gtid_wait',
  'nextval',
  'setval',
  'sys_exec',
  'sys_eval'
]

/** SQLite: native code loading and the shell's file functions. */
const SQLITE = ['load_extension', 'writefile', 'readfile', 'edit', 'fts3_tokenizer']

/** DuckDB: sequences, SQL run from a string, the process environment. Files are fenced by configuration. */
const DUCKDB = ['nextval', 'query', 'query_table', 'getenv']

/** ClickHouse table functions that read or write outside the server (files, URLs, other databases, programs). */
const CLICKHOUSE = [
  'url',
  'urlcluster',
  's3',
  's3cluster',
  'gcs',
  'hdfs',
  'azureblobstorage',
  'file',
  'remote',
  'remotesecure',
  'cluster',
  'clusterallreplicas',
  'executable',
  'mysql',
  'postgresql',
  'jdbc',
  'odbc',
  'sqlite',
  'mongodb',
  'redis',
  'input'
]

export const SIDE_EFFECT_FUNCTIONS: Record<SourceKind, ReadonlySet<string>> = {
  postgres: new Set(POSTGRES),
  mysql: new Set(MYSQL),
  sqlite: new Set(SQLITE),
  duckdb: new Set(DUCKDB),
  clickhouse: new Set(CLICKHOUSE)
}
