import LoadingOutlined from '@ant-design/icons/LoadingOutlined'
import { Input, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { TargetBadge } from '../../components/TargetBadge'
import type { ImportRow } from './import-rows'

/** The target text, editable, with what the core parsed from it (or the red "not understood" flag). */
export function TargetCell({ row, onChange }: { row: ImportRow; onChange: (text: string) => void }) {
  const { t } = useTranslation()
  const target = row.fields.target
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Input size="small" value={target?.text ?? ''} onChange={(e) => onChange(e.target.value)} aria-label={t('field.target')} data-testid="row-target" />
      <span data-testid="row-parsed" data-state={row.parsing ? 'parsing' : target?.parsed ? 'ok' : target ? 'unparsed' : 'none'}>
        {row.parsing ? <LoadingOutlined /> : <TargetBadge target={target} />}
      </span>
    </Space>
  )
}
