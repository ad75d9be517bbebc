import FileTextOutlined from '@ant-design/icons/FileTextOutlined'
import FunctionOutlined from '@ant-design/icons/FunctionOutlined'
import RobotOutlined from '@ant-design/icons/RobotOutlined'
import { Button, Popover, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { FieldChanges } from '../../components/FieldChanges'
import { currentWarnings, type ImportRow } from './import-rows'

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

/** The line range; a click shows the document's own words for the KPI (for .docx too: the core sends them). */
export function SourceLines({ row }: { row: ImportRow }) {
  const { t } = useTranslation()
  const { lines, passage, origin, found } = row.candidate
  const where = t(lines.start === lines.end ? 'import.lineAt' : 'import.linesAt', lines)
  return (
    <div className="import-source">
      <Popover
        trigger="click"
        title={t('import.passageTitle', { origin: t(`import.origin.${origin}`), where })}
        content={<pre className="import-excerpt">{passage || t('import.passageNone')}</pre>}
        styles={{ root: { maxWidth: 640 } }}
      >
        <Button type="link" size="small" icon={<FileTextOutlined />} className="import-lines" data-testid="row-lines">
          {where}
        </Button>
      </Popover>
      <Tag color={found === 'document' ? 'default' : found === 'both' ? 'geekblue' : 'purple'} data-testid="row-found" data-found={found}>
        {t(`import.found_by.${found}`)}
      </Tag>
    </div>
  )
}

/** Marks a field the assistant filled where the document said nothing. */
export function AssistedMark() {
  const { t } = useTranslation()
  return (
    <Tooltip title={t('import.assisted')}>
      <RobotOutlined className="import-assisted" data-testid="row-assisted" />
    </Tooltip>
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
