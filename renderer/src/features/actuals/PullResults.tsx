import { Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PullResult, PullSummary } from '../../../../electron/api'
import { resultMessage } from './pull-message'

const COLOR: Record<PullResult['outcome'], string> = { pulled: 'green', skipped: 'default', failed: 'red' }

/** What a pull did per KPI: pulled (how many periods), skipped or failed, with the reason. */
export function PullResults({ summary }: { summary: PullSummary }) {
  const { t } = useTranslation()
  const count = (outcome: PullResult['outcome']) => summary.results.filter((r) => r.outcome === outcome).length
  return (
    <div data-testid="pull-results">
      <Space style={{ marginBottom: 8 }}>
        {(['pulled', 'skipped', 'failed'] as const).map((o) => (
          <Tag key={o} color={COLOR[o]} data-testid={`pull-count-${o}`}>
            {t(`actuals.pull.outcome.${o}`)} {count(o)}
          </Tag>
        ))}
        <Typography.Text type="secondary">{t('actuals.pull.stored', { count: summary.stored })}</Typography.Text>
      </Space>
      <Table<PullResult>
        size="small"
        rowKey="kpiId"
        pagination={false}
        scroll={{ y: 260 }}
        dataSource={summary.results}
        onRow={(r) => ({ 'data-code': r.code, 'data-outcome': r.outcome }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('actuals.pull.code'), dataIndex: 'code', width: 110 },
          {
            title: t('actuals.pull.result'),
            dataIndex: 'outcome',
            width: 100,
            render: (o: PullResult['outcome']) => <Tag color={COLOR[o]}>{t(`actuals.pull.outcome.${o}`)}</Tag>
          },
          { title: t('actuals.pull.periods'), dataIndex: 'stored', width: 80, align: 'right' },
          {
            title: t('actuals.pull.message'),
            key: 'message',
            render: (_, r) => resultMessage(r, t)
          }
        ]}
      />
    </div>
  )
}
