import WarningFilled from '@ant-design/icons/WarningFilled'
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Target } from '../../../electron/domain/kpi'
import { formatParsedTarget } from './target-format'
import { useTargetIssue } from './useTargetIssue'
import { useTargetWords } from './useTargetWords'

/** The parsed form of a target as a small badge, or a red flag when the parser did not understand it. */
export function TargetBadge({ target }: { target: Target | null }) {
  const { t } = useTranslation()
  const words = useTargetWords()
  const issueOf = useTargetIssue()
  if (!target || !target.text.trim()) return null
  if (!target.parsed) {
    return (
      <Tooltip title={t('target.unparsed', { issue: issueOf(target) ?? '' })}>
        <Tag color="error" icon={<WarningFilled />} data-testid="target-unparsed" className="target-badge">
          {t('table.unparsed')}
        </Tag>
      </Tooltip>
    )
  }
  return (
    <Tag
      color={target.issue ? 'warning' : 'processing'}
      variant="outlined"
      className="target-badge"
      data-testid="target-parsed"
      title={
        issueOf(target) ?? (target.parsed.comparatorInferred ? t('target.inferred', { comparator: target.parsed.comparator === '>=' ? '≥' : '≤' }) : undefined)
      }
    >
      {formatParsedTarget(target.parsed, words)}
      {target.parsed.comparatorInferred && <sup data-testid="target-inferred">*</sup>}
    </Tag>
  )
}
