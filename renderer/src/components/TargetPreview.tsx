import { Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Target } from '../../../electron/domain/kpi'
import type { MetricHints } from '../../../electron/domain/target/parse-target'
import { api } from '../api/client'
import { TargetBadge } from './TargetBadge'
import { useTargetIssue } from './useTargetIssue'

/** Parses the text as the user types (through `target.parse`, debounced) and shows what the core understood. */
export function TargetPreview({ text, metric }: { text: string; metric?: MetricHints }) {
  const { t } = useTranslation()
  const [target, setTarget] = useState<Target | null>(null)
  const issueOf = useTargetIssue()
  // Callers pass a new object each render; the words in it are what matter.
  const name = metric?.name
  const unit = metric?.unit
  useEffect(() => {
    if (!text.trim()) {
      setTarget(null)
      return
    }
    let live = true
    const timer = setTimeout(() => {
      api.call('target.parse', { text, metric: { name, unit } }).then(
        (parsed) => live && setTarget(parsed),
        () => live && setTarget(null)
      )
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [text, name, unit])
  if (!target) return null
  return (
    <Space size={4} className="target-preview" data-testid="target-preview">
      <Typography.Text type="secondary">{t('target.preview')}</Typography.Text>
      <TargetBadge target={target} />
      {target.issue && <Typography.Text type={target.parsed ? 'warning' : 'danger'}>{issueOf(target)}</Typography.Text>}
    </Space>
  )
}
