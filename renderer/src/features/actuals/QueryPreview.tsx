import { Button, DatePicker, Descriptions, Space, Table, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormulaPreview } from '../../../../electron/api'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { periodOf } from './actuals-rows'

/** Runs the formula for one month and shows the bound SQL and the result; stores nothing. */
export function QueryPreview({ kpiId }: { kpiId: number }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'))
  const [preview, setPreview] = useState<FormulaPreview | null>(null)
  const [running, setRunning] = useState(false)

  const run = () => {
    setRunning(true)
    setPreview(null)
    api
      .call('actuals.preview', { kpiId, ...periodOf('month', month.format('YYYY-MM-DD')) })
      .then(setPreview, notify.error)
      .finally(() => setRunning(false))
  }

  return (
    <div data-testid="query-preview">
      <Space wrap>
        <DatePicker picker="month" allowClear={false} value={month} onChange={(m) => m && setMonth(m)} />
        <Button onClick={run} loading={running} data-testid="preview-run">
          {t('actuals.preview.run')}
        </Button>
        <Typography.Text type="secondary">{t('actuals.preview.nothingStored')}</Typography.Text>
      </Space>
      {preview && (
        <div style={{ marginTop: 12 }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('actuals.preview.result')}>
              <span data-testid="preview-value">{preview.kind === 'single' ? preview.value : t('actuals.preview.rows', { count: preview.points.length })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('actuals.preview.elapsed')}>{t('actuals.preview.ms', { ms: Math.round(preview.elapsedMs) })}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('actuals.preview.boundSql')}</Typography.Text>
          <pre className="bound-sql" data-testid="preview-sql">
            {preview.boundSql}
          </pre>
          {preview.kind === 'series' && (
            <Table
              size="small"
              rowKey="periodStart"
              pagination={false}
              scroll={{ y: 200 }}
              dataSource={preview.points}
              columns={[
                { title: t('actuals.table.period'), dataIndex: 'periodStart' },
                { title: t('actuals.table.value'), dataIndex: 'value', align: 'right' }
              ]}
            />
          )}
        </div>
      )}
    </div>
  )
}
