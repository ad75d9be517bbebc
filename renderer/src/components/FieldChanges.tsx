import ArrowRightOutlined from '@ant-design/icons/ArrowRightOutlined'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FieldChange } from '../../../electron/api'
import { formatFieldValue } from './field-value'

/** A field-by-field diff: field name, old value → new value, as plain text. */
export function FieldChanges({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation()
  const show = (change: FieldChange, value: unknown) => formatFieldValue(change.field, value, (key, vars) => t(key, vars ?? {})) ?? t('table.noValue')
  return (
    <table className="field-changes" data-testid="field-changes">
      <tbody>
        {changes.map((change) => (
          <tr key={change.field} data-field={change.field}>
            <th scope="row">{t(`field.${change.field}`)}</th>
            <td className="old">
              <Typography.Text delete type="secondary">
                {show(change, change.from)}
              </Typography.Text>
            </td>
            <td className="arrow">
              <ArrowRightOutlined />
            </td>
            <td className="new">
              <Typography.Text strong>{show(change, change.to)}</Typography.Text>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
