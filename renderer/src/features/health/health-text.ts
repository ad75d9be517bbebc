import type { TFunction } from 'i18next'
import type { KpiStatus } from '../../../../electron/api'
import { formatFigure } from '../../../../electron/domain/judging/format-figure'

const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`

/** "Decided by: …" with what it overrode, in the UI's language: the second half of the light's tooltip. */
export function decisionText(status: Pick<KpiStatus, 'decidedBy'>, unit: string, t: TFunction): string {
  const { rule, overrode, redRatio, yellowRatio, redValue } = status.decidedBy
  const ruleText = t(`health.rule.${rule}`, { red: pct(redRatio), yellow: pct(yellowRatio), redValue: redValue === null ? '' : formatFigure(redValue, unit) })
  return overrode ? t('health.decidedByOverrode', { rule: ruleText, level: t(`review.level.${overrode.level}`) }) : t('health.decidedBy', { rule: ruleText })
}

/** The light's tooltip: the period, the reason with its numbers, then which rule decided. */
export function lightTooltip(status: KpiStatus, unit: string, t: TFunction): string {
  const lines = [status.periodLabel ? t('health.period', { period: status.periodLabel }) : '', status.reason, decisionText(status, unit, t)]
  if (status.inProgress && status.projection !== null) lines.splice(2, 0, t('health.projection', { value: formatFigure(status.projection, unit) }))
  return lines.filter(Boolean).join('\n')
}
