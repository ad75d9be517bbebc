import LoadingOutlined from '@ant-design/icons/LoadingOutlined'
import { Input, Space, Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { TargetBadge } from '../../components/TargetBadge'
import type { ImportRow } from './import-rows'
import { AssistedMark } from './RowBadges'

/**
 * The target as written (editable) and as parsed (or the red "not understood" flag), with what the importer
 * inferred: a comparator read from the metric's words or the document, rather than written.
 */
export function TargetCell({ row, onChange }: { row: ImportRow; onChange: (text: string) => void }) {
  const { t } = useTranslation()
  const target = row.fields.target
  const inferred = !row.parsing && target?.parsed?.comparatorInferred
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Input
        size="small"
        value={target?.text ?? ''}
        onChange={(e) => onChange(e.target.value)}
        aria-label={t('field.target')}
        data-testid="row-target"
        suffix={row.candidate.assisted.includes('target') ? <AssistedMark /> : undefined}
      />
      <span data-testid="row-parsed" data-state={row.parsing ? 'parsing' : target?.parsed ? 'ok' : target ? 'unparsed' : 'none'}>
        {row.parsing ? <LoadingOutlined /> : <TargetBadge target={target} />}
        {inferred && (
          <Tooltip title={t('import.inferredHint')}>
            <Tag color="gold" data-testid="row-inferred">
              {t('import.inferred', { comparator: target.parsed!.comparator === '>=' ? '≥' : '≤' })}
            </Tag>
          </Tooltip>
        )}
      </span>
    </Space>
  )
}
