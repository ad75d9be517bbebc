import type { AuditView } from '../../../../electron/api'
import type { KpiField } from '../../../../electron/domain/kpi'
import { formatFieldValue } from '../../components/field-value'

type T = (key: string, vars?: Record<string, unknown>) => string
type Exists = (key: string) => boolean

interface Change {
  field: KpiField
  from?: unknown
  to?: unknown
}

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value))

/** The translation key of an action's sentence: `kpi.edit` → `auditLog.sentence.kpi_edit`. */
export const sentenceKey = (action: string) => `auditLog.sentence.${action.replace(/\./g, '_')}`

/** "the target from ≥ 55% to ≥ 60%" (or just "the owner" when the log kept no values), in the user's language. */
function changePhrase(change: Change, t: T): string {
  const field = t(`field.${change.field}`)
  if (!('from' in change) && !('to' in change)) return t('auditLog.changeField', { field })
  const none = t('auditLog.empty')
  const from = formatFieldValue(change.field, change.from, t) ?? none
  const to = formatFieldValue(change.field, change.to, t) ?? none
  return t('auditLog.change', { field, from, to })
}

/**
 * One audit row as a sentence in the user's language: "李 changed the target of KPI-U001 from ≥ 55% to ≥ 60% — reason".
 * The template is the action's own (one per action in both locale files); a row written before the log kept its
 * details, or an action this version does not know, reads as the actor and the action's name.
 */
export function auditSentence(entry: AuditView, t: T, exists: Exists, codeOf: (kpiId: number) => string | undefined): string {
  const d = entry.details ?? {}
  const code = str(d.code) || (entry.kpiId !== null ? (codeOf(entry.kpiId) ?? '') : '')
  const changes = Array.isArray(d.changes) ? (d.changes as Change[]) : []
  const fields = Array.isArray(d.fields) ? (d.fields as string[]).map((f) => t(`field.${f}`)) : []
  const separator = t('auditLog.listSeparator')
  const vars: Record<string, unknown> = {
    ...d,
    actor: entry.actor,
    code,
    fields: fields.join(separator),
    changes: changes.map((c) => changePhrase(c, t)).join(separator),
    count: d.stored ?? d.kpis ?? d.created ?? 0,
    target: d.target ? t(`auditLog.target.${str(d.target)}`) : '',
    kind: d.kind ? t(`auditLog.noteKind.${str(d.kind)}`) : ''
  }
  let key = sentenceKey(entry.action)
  if (changes.length === 1 && 'to' in changes[0]!) {
    const only = changes[0]!
    const none = t('auditLog.empty')
    Object.assign(vars, {
      field: t(`field.${only.field}`),
      from: formatFieldValue(only.field, only.from, t) ?? none,
      to: formatFieldValue(only.field, only.to, t) ?? none
    })
    if (exists(`${key}_one`)) key = `${key}_one`
  } else if (changes.every((c) => !('to' in c)) && fields.length && exists(`${key}_fields`)) key = `${key}_fields`
  // A row written before the log kept details reads as who did which action.
  const sentence =
    exists(key) && entry.details !== null ? t(key, vars) : t('auditLog.generic', { actor: entry.actor, action: actionLabel(entry.action, t, exists) })
  const reason = str(d.reason)
  return reason ? t('auditLog.withReason', { sentence, reason }) : sentence
}

/** The name of an action for the filter ("Edit KPI"), or the code itself for one this version does not know. */
export function actionLabel(action: string, t: T, exists: Exists): string {
  const key = `auditLog.action.${action.replace(/\./g, '_')}`
  return exists(key) ? t(key) : action
}
