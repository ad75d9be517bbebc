import { Card, Empty, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { KpiSummary, VersionDiff } from '../../../../electron/api'
import { FieldChanges } from '../../components/FieldChanges'

function KpiLabel({ kpi }: { kpi: KpiSummary }) {
  return (
    <Space size={6}>
      <Typography.Text code>{kpi.code}</Typography.Text>
      <Typography.Text>{kpi.name}</Typography.Text>
    </Space>
  )
}

/** Added, removed and changed KPIs between two versions (or a version and the current board). */
export function VersionDiffView({ diff, label }: { diff: VersionDiff; label: (l: string) => string }) {
  const { t } = useTranslation()
  const nothing = !diff.added.length && !diff.removed.length && !diff.changed.length
  return (
    <div className="version-diff" data-testid="version-diff">
      <Typography.Title level={5}>{t('versions.diffTitle', { from: label(diff.from), to: label(diff.to) })}</Typography.Title>
      {nothing && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.noDiff')} />}
      {diff.added.length > 0 && (
        <Card size="small" title={<Tag color="green">{t('versions.added')}</Tag>} className="diff-section">
          {diff.added.map((k) => (
            <div key={k.kpiId} data-testid="diff-added">
              <KpiLabel kpi={k} />
            </div>
          ))}
        </Card>
      )}
      {diff.removed.length > 0 && (
        <Card size="small" title={<Tag color="red">{t('versions.removed')}</Tag>} className="diff-section">
          {diff.removed.map((k) => (
            <div key={k.kpiId} data-testid="diff-removed">
              <KpiLabel kpi={k} />
            </div>
          ))}
        </Card>
      )}
      {diff.changed.map((k) => (
        <Card
          key={k.kpiId}
          size="small"
          className="diff-section"
          data-testid="diff-changed"
          title={
            <Space>
              <Tag color="blue">{t('versions.changed')}</Tag>
              <KpiLabel kpi={k} />
              <Typography.Text type="secondary">{t('history.diffTitle', { from: k.fromRevision, to: k.toRevision })}</Typography.Text>
            </Space>
          }
        >
          <FieldChanges changes={k.changes} />
        </Card>
      ))}
      {diff.unchanged > 0 && <Typography.Text type="secondary">{t('versions.unchanged', { count: diff.unchanged })}</Typography.Text>}
    </div>
  )
}
