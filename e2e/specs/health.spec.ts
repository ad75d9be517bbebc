import { mkdirSync } from 'node:fs'
import { addMonths, periodContaining, type Period } from '../../electron/domain/period'
import { expect, test } from '../fixtures'
import { appPage } from '../pages/app-page'
import { boardPage } from '../pages/board-page'
import { healthPage } from '../pages/health'

const SHOTS = process.env.KPILOOP_SHOTS ?? '/tmp/kpiloop-shots'
const ctx = { actor: 'e2e', signal: new AbortController().signal, emit: () => {} }

// The board is judged against the real clock: the running month is in progress, the one before is complete.
const today = new Date().toISOString().slice(0, 10)
const running = periodContaining(today, 'month')
const lastMonth = periodContaining(addMonths(running.start, -1), 'month')
/** The ISO weeks whose Thursday falls in a month: the weeks its sum is made of. */
function weeksOf(month: Period): Period[] {
  const weeks: Period[] = []
  for (let w = periodContaining(month.start, 'week'); w.start < month.end; w = periodContaining(w.end, 'week')) {
    const thursday = new Date(Date.parse(`${w.start}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10)
    if (thursday >= month.start && thursday < month.end) weeks.push(w)
  }
  return weeks
}

const TEXT = {
  en: {
    decidedByTarget: 'Decided by: the target',
    overrode: 'It overrode the ratio rule, which would give Red.',
    inProgress: 'In progress',
    soFar: 'so far',
    projection: 'Projection at the period’s end: 1,000 orders'
  },
  'zh-CN': {
    decidedByTarget: '决定规则：目标',
    overrode: '它取代了比例规则（按比例应为红）。',
    inProgress: '进行中',
    soFar: '目前',
    projection: '预计期末：1,000 orders（推算）'
  }
} as const

for (const locale of ['zh-CN', 'en'] as const) {
  test.describe(`health lights in ${locale}`, () => {
    test.use({ systemLocale: locale })

    test(`the light, its tooltip and the "in progress" mark in ${locale}`, async ({ page, server, runtime }) => {
      mkdirSync(SHOTS, { recursive: true })
      const call = async <T>(name: string, input: unknown): Promise<T> => {
        const result = await runtime.dispatch(name, input, ctx)
        if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
        return result.data as T
      }
      const { id: boardId } = await call<{ id: number }>('board.create', { name: 'Health' })
      const add = (fields: Record<string, unknown>) => call<{ id: number }>('kpi.add', { boardId, fields })
      const value = (kpiId: number, period: Period, v: number) => call('actuals.add', { kpiId, periodStart: period.start, periodEnd: period.end, value: v })

      const weekly = await add({ code: 'H-WEEKS', name: 'New sign-ups', target: '≥ 1000 per month', unit: 'users', frequency: 'weekly' })
      for (const week of weeksOf(lastMonth)) await value(weekly.id, week, 300)
      const thresholds = await add({ code: 'H-THRESH', name: 'Task success rate', target: '≥ 100', frequency: 'monthly', alertThresholds: { redValue: 70 } })
      await value(thresholds.id, lastMonth, 73)
      const runningKpi = await add({ code: 'H-RUN', name: 'Orders', target: '≥ 1000', unit: 'orders', frequency: 'monthly' })
      // A tenth of the target after a tenth of the month projects to the target (pro rata over the days so far).
      const elapsed = Math.max(1, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${running.start}T00:00:00Z`)) / 86_400_000))
      const days = Math.round((Date.parse(`${running.end}T00:00:00Z`) - Date.parse(`${running.start}T00:00:00Z`)) / 86_400_000)
      await value(runningKpi.id, running, (1000 * elapsed) / days)

      const app = appPage(page)
      const health = healthPage(page)
      const text = TEXT[locale]
      await page.goto(server.url)
      await expect(app.ready).toBeAttached()

      await expect(health.light('H-WEEKS')).toHaveAttribute('data-level', 'green')
      await expect(health.value('H-WEEKS')).toHaveText(`${(300 * weeksOf(lastMonth).length).toLocaleString('en-US')} users`)
      await expect(health.light('H-WEEKS')).toHaveAttribute('title', new RegExp(text.decidedByTarget))

      await expect(health.light('H-THRESH')).toHaveAttribute('data-level', 'yellow')
      await expect(health.light('H-THRESH')).toHaveAttribute('data-rule', 'red-value')
      await expect(health.light('H-THRESH')).toHaveAttribute('title', new RegExp(text.overrode.replace(/[()（）.]/g, '.')))

      await expect(health.light('H-RUN')).toHaveAttribute('data-level', 'progress')
      await expect(health.light('H-RUN')).toHaveText(text.inProgress)
      await expect(health.value('H-RUN')).toContainText(text.soFar)
      await expect(health.light('H-RUN')).toHaveAttribute('title', new RegExp(text.projection.replace(/[()（）]/g, '.')))

      await page.screenshot({ path: `${SHOTS}/health-board-${locale}.png` })

      // Sorting by the light puts the worst first and the KPI still in progress (not judged) last.
      const board = boardPage(page)
      await board.headerFor('light').click()
      await expect(board.headerFor('light')).toHaveAttribute('aria-sort', 'ascending')
      await expect(board.rowAt(0)).toHaveAttribute('data-kpi-code', 'H-THRESH')
      await expect(board.rowAt(1)).toHaveAttribute('data-kpi-code', 'H-WEEKS')
      await expect(board.rowAt(2)).toHaveAttribute('data-kpi-code', 'H-RUN')

      await board.codeLink('H-RUN').click()
      await expect(health.panel).toContainText(text.inProgress)
      await expect(health.projection).toHaveText(text.projection)
      await expect(health.targetPeriod).toContainText(locale === 'en' ? 'Month (inferred)' : '月（推断）')
      await expect(health.aggregation).toContainText(locale === 'en' ? 'Sum (counts, amounts) (inferred)' : '求和（计数、金额）（推断）')
      await page.screenshot({ path: `${SHOTS}/health-drawer-${locale}.png` })
    })
  })
}
