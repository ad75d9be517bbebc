import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { alertEvent, kpi as kpiTable } from '../../../db/schema'
import type { AlertView } from '../../domain/views'
import type { MeasurementService } from '../actuals/measurement-service'
import { judgedPeriods, periodHealth } from '../analyzer/health'
import { ruleBreaches } from '../analyzer/change-rules'
import { formatFigure, formatNumber, unitOf } from '../../domain/judging/format-figure'
import { todayOf } from '../../domain/judging/period-values'
import { say } from '../analyzer/findings'
import { prefersChinese } from '../analyzer/format'
import type { ChangeRule } from '../../domain/kpi'
import type { ServiceDeps } from '../context'
import type { KpiService } from '../kpis/kpi-service'

const COMPARED_ZH: Record<ChangeRule['period'], string> = { day: '日环比', week: '周环比', month: '月环比', period: '环比' }

/**
 * Alerts: a KPI crossing into red over its target period (finer values aggregated first; never the
 * period still in progress), or breaking a period-over-period rule, with the value that did it.
 * Each (KPI, measurement, rule) raises at most once, so re-evaluating never repeats an alert.
 */
export function createAlertService(deps: ServiceDeps & { kpis: KpiService; measurements: MeasurementService }) {
  const { db, kpis, measurements, events, now, transaction } = deps
  const at = (name: string) => sql.placeholder(name)
  const stmt = {
    insert: db
      .insert(alertEvent)
      .values({
        kpiId: at('kpiId'),
        measurementId: at('measurementId'),
        level: at('level'),
        severity: at('severity'),
        rule: at('rule'),
        message: at('message'),
        createdAt: at('createdAt')
      })
      .returning({ id: alertEvent.id })
      .prepare(),
    seen: db
      .select({ id: alertEvent.id })
      .from(alertEvent)
      .where(and(eq(alertEvent.kpiId, at('kpiId')), eq(alertEvent.measurementId, at('measurementId')), eq(sql`COALESCE(${alertEvent.rule}, '')`, at('rule'))))
      .prepare(),
    list: db
      .select({
        id: alertEvent.id,
        kpiId: alertEvent.kpiId,
        code: kpiTable.code,
        level: alertEvent.level,
        severity: alertEvent.severity,
        rule: alertEvent.rule,
        message: alertEvent.message,
        createdAt: alertEvent.createdAt,
        acknowledgedAt: alertEvent.acknowledgedAt
      })
      .from(alertEvent)
      .innerJoin(kpiTable, eq(kpiTable.id, alertEvent.kpiId))
      .where(eq(kpiTable.boardId, at('boardId')))
      .orderBy(desc(alertEvent.id))
      .limit(at('limit'))
      .prepare(),
    ack: db
      .update(alertEvent)
      .set({ acknowledgedAt: sql`${at('at')}` })
      .where(and(eq(alertEvent.id, at('id')), isNull(alertEvent.acknowledgedAt)))
      .prepare()
  }
  const evaluateTx = transaction((boardId: number, kpiIds: number[] | undefined): AlertView[] => {
    const raised: AlertView[] = []
    // A pull of one KPI reads that KPI's series only, not the board's.
    const series = kpiIds ? null : measurements.ofBoard(boardId)
    const chosen = kpiIds ? kpiIds.map((id) => kpis.get(id)).filter((k) => k.stage !== 'retired') : kpis.list(boardId)
    const today = todayOf(now())
    for (const kpi of chosen) {
      // The unfinished period is in progress: neither its value nor a change into it raises anything.
      const points = (series ? (series.get(kpi.id) ?? []) : measurements.list(kpi.id)).filter((p) => p.periodEnd <= today || kpi.mapping?.rolling)
      // Only the newest group can be running: four give the three complete periods the alert and its change target need.
      const periods = judgedPeriods(kpi, points, today, 4).filter((p) => !p.inProgress)
      const current = periods.at(-1)
      const latest = points.at(-1)
      if (!current || !latest) continue
      const raise = (level: AlertView['level'], severity: AlertView['severity'], rule: string | null, measurementId: number, message: string) => {
        if (stmt.seen.get({ kpiId: kpi.id, measurementId, rule: rule ?? '' })) return
        const id = stmt.insert.get({ kpiId: kpi.id, measurementId, level, severity, rule, message, createdAt: now() })!.id
        raised.push({ id, kpiId: kpi.id, code: kpi.code, level, severity, rule, message, createdAt: now(), acknowledgedAt: null })
      }
      const health = periodHealth(kpi, current, periods.at(-2))
      const before = periods.length > 1 ? periodHealth(kpi, periods.at(-2), periods.at(-3)).level : 'none'
      // Like the analyzer's texts, an alert speaks the KPI's language (the health reason already does).
      const zh = prefersChinese(kpi.name, kpi.description)
      const subject = `${kpi.code} ${kpi.name}`
      const unit = unitOf(kpi)
      if (health.level === 'red' && before !== 'red') {
        const shown = formatFigure(current.value, unit)
        const period = current.parts > 1 ? current.label : current.start
        raise(
          'red',
          null,
          null,
          current.lastPointId,
          say(zh, `${subject}：${period} 的值为 ${shown} — ${health.reason}`, `${subject}: ${shown} for ${period} — ${health.reason}`)
        )
      }
      for (const breach of ruleBreaches(kpi, points)) {
        const { rule } = breach
        const change = `${formatNumber(breach.change)}% (${formatFigure(breach.previous.value, unit)} → ${formatFigure(breach.current.value, unit)})`
        const message = say(
          zh,
          `${rule.severity} ${subject}：${COMPARED_ZH[rule.period]} ${change}，规则：${rule.direction === 'drop' ? '下降' : '上升'} > ${rule.percent}%`,
          `${rule.severity} ${subject}: ${change}, rule ${rule.direction} > ${rule.percent}%`
        )
        raise('rule', rule.severity, `${rule.period}-${rule.direction}-${rule.percent}`, latest.id, message)
      }
    }
    return raised
  })

  return {
    /** Checks the latest values of a board (or some KPIs) and records new alerts. */
    evaluate(boardId: number, kpiIds?: number[]): AlertView[] {
      const raised = evaluateTx(boardId, kpiIds)
      if (raised.length) events.emit('alert.raised', { boardId, alerts: raised })
      return raised
    },
    list: (boardId: number, limit = 200): AlertView[] => stmt.list.all({ boardId, limit }),
    acknowledge(id: number): void {
      stmt.ack.run({ at: now(), id })
    }
  }
}
export type AlertService = ReturnType<typeof createAlertService>
