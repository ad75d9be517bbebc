import { sortKpis, type SortContext } from '../renderer/src/features/kpis/board-sort'
import { kpiView } from '../renderer/src/features/kpis/test-kpis'
import { report, timeMs } from './harness'

const COUNT = 100_000
const WORDS = [
  '用户',
  '活跃',
  '留存率',
  '转化',
  '响应时间',
  '准确率',
  'Weekly',
  'active',
  'users',
  'SLA',
  'uptime',
  '订单',
  '支付成功率',
  'AI 推荐',
  'Revenue',
  'churn',
  'NPS',
  '满意度',
  '工单',
  'P95'
]

/** Sorting a 100k-KPI board by name (mixed zh/en names with numbers) against a raw sort of the same names as plain strings. */
export function boardSortBench(): boolean {
  let seed = 19
  const next = (n: number) => Math.floor((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / (2_147_483_648 / n))
  const kpis = Array.from({ length: COUNT }, (_, i) =>
    kpiView({ code: `KPI-${i + 1}`, name: `${WORDS[next(WORDS.length)]} ${WORDS[next(WORDS.length)]} ${next(COUNT)}` })
  )
  const names = kpis.map((k) => k.name)
  const ctx: SortContext = { locale: 'zh-CN', statuses: {} }
  const byName = { field: 'name', dir: 'asc' } as const

  // Each run sorts a new array of the board, so its keys are computed again (the characters' ranks stay known, as in the app).
  const sort = timeMs(() => sortKpis([...kpis], byName, ctx))
  const raw = timeMs(() => [...names].sort())
  const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })
  const inComparator = timeMs(() => [...names].sort(collator.compare), 2)

  return report(`Board sort: ${COUNT.toLocaleString('en')} KPIs by name (zh-CN collation, numbers in names)`, [
    {
      name: 'precomputed keys + sort',
      value: `${sort.toFixed(0)} ms (${(sort / raw).toFixed(1)}× a raw sort of the names as plain strings, ${raw.toFixed(0)} ms)`,
      // The 150 ms is for Chromium at rest; on a shared machine the ratio to the raw sort is what holds.
      ok: sort <= 2 * raw,
      goal: '≤ 2× the raw sort'
    },
    {
      name: 'the collator inside the comparator (before)',
      value: `${inComparator.toFixed(0)} ms (${(inComparator / sort).toFixed(1)}× the precomputed keys)`,
      ok: true,
      goal: 'reference'
    }
  ])
}
