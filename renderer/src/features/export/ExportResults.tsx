import { Alert, List, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ExportOutcome } from '../../../../electron/domain/export'
import { safeHref, tally } from './export-settings'
import type { RunState } from './useExportStore'

const COLOR: Record<ExportOutcome, string> = { created: 'green', updated: 'blue', recreated: 'cyan', missing: 'orange', failed: 'red' }

/** Per-KPI outcome of a run with its link; a link opens only when the user clicks it. */
export function ExportResults({ run }: { run: RunState }) {
  const { t } = useTranslation()
  const { results, error, databaseUrl } = run
  const dbHref = safeHref(databaseUrl)
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {error && (
        <Alert
          type={error.code === 'CANCELLED' ? 'warning' : 'error'}
          showIcon
          data-testid="export-error"
          data-code={error.code}
          title={t(`errors.${error.code}`)}
          description={
            <>
              {results?.length ? <div>{t('export.stopped')}</div> : null}
              {error.message && <div>{t('app.errorDetail', { message: error.message })}</div>}
            </>
          }
        />
      )}
      {results && (
        <>
          <Space wrap>
            <Typography.Text strong>{t('export.results')}</Typography.Text>
            <Typography.Text data-testid="export-summary">{t('export.summary', tally(results))}</Typography.Text>
            {dbHref && (
              <Typography.Link href={dbHref} target="_blank" rel="noopener noreferrer">
                {t('export.database')}
              </Typography.Link>
            )}
          </Space>
          <List
            size="small"
            bordered
            className="export-results"
            dataSource={results}
            renderItem={(r) => {
              const href = safeHref(r.url)
              return (
                <List.Item data-testid="export-result" data-code={r.code} data-outcome={r.outcome}>
                  <Space wrap>
                    <Typography.Text strong>{r.code}</Typography.Text>
                    <Tag color={COLOR[r.outcome]}>{t(`export.outcome.${r.outcome}`)}</Tag>
                    {r.error && <Typography.Text type="danger">{r.error}</Typography.Text>}
                  </Space>
                  {href && (
                    <Typography.Link href={href} target="_blank" rel="noopener noreferrer">
                      {t('export.open')}
                    </Typography.Link>
                  )}
                </List.Item>
              )
            }}
          />
        </>
      )}
    </Space>
  )
}
