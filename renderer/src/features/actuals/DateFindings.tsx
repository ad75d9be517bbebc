import { Alert, Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PeriodDependence } from '../../../../electron/api'

interface Props {
  dates: PeriodDependence
  busy: boolean
  onRewrite: () => void
  onRolling: () => void
}

/** The dates written into the formula or read from the clock, the rewrite that binds them (as a diff), or the rolling mark. */
export function DateFindings({ dates, busy, onRewrite, onRolling }: Props) {
  const { t } = useTranslation()
  if (dates.findings.length === 0) return null
  const rewrite = dates.binds ? null : dates.rewrite
  return (
    <Alert
      type={dates.binds ? 'info' : 'warning'}
      showIcon
      data-testid="date-findings"
      title={t('actuals.query.dates.title')}
      description={
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          <ul className="date-findings">
            {dates.findings.map((f, i) => (
              <li key={i}>
                <code>{f.text}</code> — {t(`actuals.query.dates.${f.kind}`)}, {t('actuals.query.dates.at', { line: f.line, column: f.column })}
              </li>
            ))}
          </ul>
          {rewrite && (
            <>
              <Typography.Text strong>{t('actuals.query.dates.rewrite')}</Typography.Text>
              <pre className="formula-diff" data-testid="date-rewrite">
                {rewrite.changes.map((c) => (
                  <span key={c.line}>
                    <span className="diff-removed">- {c.before}</span>
                    {'\n'}
                    <span className="diff-added">+ {c.after}</span>
                    {'\n'}
                  </span>
                ))}
              </pre>
              {rewrite.frequency && (
                <Typography.Text type="secondary">
                  {t('actuals.query.dates.frequency', { frequency: t(`frequency.${rewrite.frequency}`), grain: t(`actuals.query.grainWord.${rewrite.grain}`) })}
                </Typography.Text>
              )}
            </>
          )}
          {!dates.binds && (
            <Space>
              {rewrite && (
                <Button size="small" type="primary" loading={busy} onClick={onRewrite} data-testid="apply-rewrite">
                  {t('actuals.query.dates.apply')}
                </Button>
              )}
              <Button size="small" loading={busy} onClick={onRolling} data-testid="mark-rolling">
                {t('actuals.query.dates.rolling')}
              </Button>
            </Space>
          )}
        </Space>
      }
    />
  )
}
