import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { Core } from '../../core'

export const SOURCE_PASSWORD = 'Pg-Secret-7731'
export const PASTED_PASSWORD = 'Hunter2Pass'

export interface SupportBoard {
  boardId: number
  ids: Record<string, number>
}

/** A support-desk analytics file with the tables the board's formulas read. */
function supportDatabase(dir: string): string {
  const file = join(dir, 'support.db')
  const db = new Database(file)
  db.exec(`
    CREATE TABLE tickets (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, first_reply_at TEXT, resolved_at TEXT, channel TEXT);
    CREATE TABLE csat_responses (id INTEGER PRIMARY KEY, ticket_id INTEGER, score INTEGER, answered_at TEXT);
  `)
  const insert = db.prepare('INSERT INTO tickets (created_at, first_reply_at, resolved_at, channel) VALUES (?, ?, ?, ?)')
  for (let day = 1; day <= 20; day += 1) {
    const date = `2026-01-${String(day).padStart(2, '0')}`
    insert.run(`${date} 09:00:00`, `${date} 09:${String(20 + (day % 30)).padStart(2, '0')}:00`, `${date} 15:00:00`, day % 2 ? 'chat' : 'email')
  }
  db.close()
  return file
}

/**
 * A Chinese support-desk board with KPIs at four stages, three weeks of trial actuals, a monthly
 * operating series, a dev-review note, a connected SQLite source and a password-protected one.
 */
export function seedSupportBoard(core: Core, dir: string): SupportBoard {
  const actor = 'pm-li'
  const file = supportDatabase(dir)
  core.sources.save({ name: 'support-db', kind: 'sqlite', url: `sqlite://${file}` }, actor, 'add')
  core.sources.save({ name: 'warehouse', kind: 'postgres', url: 'postgres://kpi_reader@10.20.0.5:5432/analytics', password: SOURCE_PASSWORD }, actor, 'add')
  const board = core.boards.create('客服助手 KPI', '客服助手第一期：让客户更快得到回复，提升满意度。', actor)
  const add = (fields: Parameters<Core['kpis']['add']>[1]) => core.kpis.add(board.id, fields, { actor }).id
  const ids: Record<string, number> = {
    'KPI-001': add({
      code: 'KPI-001',
      name: '工单首次响应时间',
      description: '从工单创建到客服首次回复的平均分钟数',
      formula:
        'SELECT AVG((julianday(first_reply_at) - julianday(created_at)) * 1440) FROM tickets WHERE created_at >= :period_start AND created_at < :period_end',
      dataSource: 'support-db',
      target: '≤ 30 分钟',
      unit: 'min',
      direction: 'lower',
      frequency: 'weekly',
      owner: '客服主管',
      stage: 'trial',
      status: 'adjusting'
    }),
    'KPI-002': add({
      code: 'KPI-002',
      name: 'AI 推荐采纳率',
      description: '客服采纳的 AI 回复建议占全部建议的比例',
      formula: 'SELECT AVG(accepted) FROM suggestions WHERE shown_at >= :period_start AND shown_at < :period_end',
      dataSource: 'support-db',
      target: '≥ 60%',
      unit: '%',
      frequency: 'weekly',
      owner: '算法负责人',
      stage: 'feasibility',
      notes: `备用库连接时 password=${PASTED_PASSWORD}`
    }),
    'KPI-003': add({ code: 'KPI-003', name: '用户满意度', description: '显著提升用户对客服的满意度', stage: 'draft' }),
    'KPI-004': add({
      code: 'KPI-004',
      name: 'SLA 达成率',
      description: '在 SLA 时限内解决的工单占比',
      dataSource: 'manual',
      target: '≥ 95%',
      unit: '%',
      frequency: 'monthly',
      owner: '运维经理',
      stage: 'operating',
      status: 'stable'
    })
  }
  const week = (start: string, end: string, value: number) => core.measurements.add(ids['KPI-001']!, { period: { start, end }, value, source: 'manual' }, actor)
  week('2026-01-05', '2026-01-12', 44.5)
  week('2026-01-12', '2026-01-19', 46.1)
  week('2026-01-19', '2026-01-26', 45.2)
  const months = [
    ['2025-10-01', '2025-11-01', 98.2],
    ['2025-11-01', '2025-12-01', 98.9],
    ['2025-12-01', '2026-01-01', 99.1]
  ] as const
  for (const [start, end, value] of months) core.measurements.add(ids['KPI-004']!, { period: { start, end }, value, source: 'manual' }, actor)
  core.notes.add(board.id, 'dev-review', '开发评审：suggestions 表不存在，AI 建议的采纳事件目前没有埋点，预计下季度才能补上。', actor)
  return { boardId: board.id, ids }
}
