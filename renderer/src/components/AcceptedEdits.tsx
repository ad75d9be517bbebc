import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AcceptedEdit } from '../../../electron/domain/proposal'
import { formatFieldValue } from './field-value'

/** "Accepted with changes", each edited field with the value proposed and the one accepted (a proposed target may be plain text). */
export function AcceptedEdits({ edits }: { edits: readonly AcceptedEdit[] | null | undefined }) {
  const { t } = useTranslation()
  if (!edits?.length) return null
  const show = (field: AcceptedEdit['field'], value: unknown) =>
    (typeof value === 'string' ? value : formatFieldValue(field, value, (key, vars) => t(key, vars ?? {}))) || t('table.noValue')
  return (
    <div className="accepted-edits" data-testid="accepted-edits">
      <Tag color="gold" data-testid="accepted-with-changes">
        {t('accepted.withChanges')}
      </Tag>
      {edits.map((e) => (
        <div key={e.field} className="accepted-edit" data-field={e.field}>
          {t('accepted.proposedWas', { field: t(`field.${e.field}`), proposed: show(e.field, e.proposed), accepted: show(e.field, e.accepted) })}
        </div>
      ))}
    </div>
  )
}
