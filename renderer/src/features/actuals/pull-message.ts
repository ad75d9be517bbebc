import type { TFunction } from 'i18next'
import type { PullResult } from '../../../../electron/api'

/** Says in the UI language why a KPI was skipped or stored fewer values than it pulled; a failure keeps the source's own words. */
export function resultMessage(r: PullResult, t: TFunction): string {
  if (r.errorCode) return `${t(`errors.${r.errorCode}`, { defaultValue: r.errorCode })} ${r.message ?? ''}`
  if (r.skipReason) return t(`actuals.pull.skip.${r.skipReason}`)
  const unchanged = r.values.length - r.stored
  return r.outcome === 'pulled' && unchanged > 0 ? t('actuals.pull.unchanged', { count: unchanged }) : ''
}
