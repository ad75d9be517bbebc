import FunctionOutlined from '@ant-design/icons/FunctionOutlined'
import { Button, Popover, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { FieldChanges } from '../../components/FieldChanges'
import { currentWarnings, sourceExcerpt, type ImportRow } from './import-rows'

export function WarningTags({ row }: { row: ImportRow }) {
  const { t } = useTranslation()
  return (
    <div className="import-warnings" data-testid="row-warnings">
      {currentWarnings(row).map((w) => (
        <Tag key={w} color={w === 'target-unparsed' || w === 'no-target' ? 'error' : 'warning'} data-warning={w}>
          {t(`import.warning.${w}`)}
        </Tag>
      ))}
    </div>
  )
}

/** The line range; hovering shows those lines of the document when its text is known here. */
export function SourceLines({ row, text }: { row: ImportRow; text: string | null }) {
  const { t } = useTranslation()
  const excerpt = sourceExcerpt(text, row.candidate.lines)
  const label = (
    <Typography.Text type="secondary" className="import-lines" data-testid="row-lines">
      {t('import.linesAt', row.candidate.lines)}
    </Typography.Text>
  )
  return (
    <div>
      {excerpt ? (
        <Popover content={<pre className="import-excerpt">{excerpt}</pre>} title={t(`import.origin.${row.candidate.origin}`)}>
          {label}
        </Popover>
      ) : (
        <Tooltip title={t(`import.origin.${row.candidate.origin}`)}>{label}</Tooltip>
      )}
    </div>
  )
}

export function FormulaButton({ row, onOpen }: { row: ImportRow; onOpen: () => void }) {
  const { t } = useTranslation()
  const has = Boolean(row.fields.formula.trim())
  return (
    <Tooltip title={has ? <pre className="import-excerpt">{row.fields.formula}</pre> : t('import.formulaNone')}>
      <Button
        size="small"
        type={has ? 'primary' : 'dashed'}
        ghost={has}
        icon={<FunctionOutlined />}
        onClick={onOpen}
        aria-label={t('import.formulaEdit')}
        data-testid="row-formula"
      />
    </Tooltip>
  )
}

export function ActionTag({ row }: { row: ImportRow }) {
  const { t } = useTranslation()
  const { action, match } = row.candidate
  const color = action === 'create' ? 'green' : action === 'update' ? 'blue' : 'default'
  const tag = (
    <Tag color={color} data-testid="row-action" data-action={action}>
      {t(`import.actionKind.${action}`)}
      {row.edited && action !== 'create' ? ` · ${t('import.edited')}` : ''}
    </Tag>
  )
  if (action !== 'update' || !match) return tag
  return (
    <Popover title={t('import.diffTitle', { code: match.code })} content={<FieldChanges changes={match.changes} />} styles={{ root: { maxWidth: 600 } }}>
      {tag}
    </Popover>
  )
}

export function Confidence({ value }: { value: number }) {
  const { t } = useTranslation()
  const pct = Math.round(value * 100)
  return (
    <div className="import-confidence">
      <Typography.Text type={pct >= 80 ? 'success' : pct >= 50 ? 'warning' : 'danger'}>{t('import.confidenceAt', { pct })}</Typography.Text>
    </div>
  )
}
