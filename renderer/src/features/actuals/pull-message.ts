import type { TFunction } from 'i18next'
import type { PullResult } from '../../../../electron/api'

/** Says in the UI language why a KPI was skipped or stored fewer values than it pulled (unchanged, NULL periods, a rolling read); a failure keeps the source's own words. */
export function resultMessage(r: PullResult, t: TFunction): string {
  if (r.errorCode) return `${t(`errors.${r.errorCode}`, { defaultValue: r.errorCode })} ${r.message ?? ''}`
  if (r.skipReason) return t(`actuals.pull.skip.${r.skipReason}`)
  const unchanged = r.values.length - r.stored
  const parts = [
    r.outcome === 'pulled' && unchanged > 0 ? t('actuals.pull.unchanged', { count: unchanged }) : '',
    r.empty?.length ? t('actuals.pull.empty', { count: r.empty.length }) : '',
    r.asOf ? t('actuals.pull.asOf', { time: r.asOf.replace('T', ' ').slice(0, 16) }) : ''
  ]
  return parts.filter(Boolean).join(' · ')
}
