import { Button, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FormulaPreview } from '../../../../electron/api'
import { describePeriod } from '../../../../electron/domain/period'
import { formatMapping } from '../../../../electron/domain/result-mapping'
import { noteLine } from './note-params'

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 4, useGrouping: false })

interface Props {
  preview: FormulaPreview
  saving: boolean
  onSaveProposal: () => void
  onChange: () => void
}

/** The mapping the values were computed with (saved, draft or proposed), why the app proposes it, and the values. */
export function MappingPanel({ preview, saving, onSaveProposal, onChange }: Props) {
  const { t } = useTranslation()
  const { proposal } = preview
  const text = formatMapping(preview.mapping)
  const proposed = formatMapping(proposal.mapping)
  const differs = preview.mappingSource === 'kpi' && proposed !== '' && proposed !== text
  return (
    <div className="mapping-panel" data-testid="mapping-panel" data-source={preview.mappingSource}>
      <Space wrap>
        <Typography.Text strong>{t('actuals.query.mapping')}</Typography.Text>
        <Tag color={preview.mappingSource === 'kpi' ? 'green' : 'gold'}>{t(`actuals.query.source.${preview.mappingSource}`)}</Tag>
        <code data-testid="mapping-text">{text || t('actuals.query.none')}</code>
      </Space>
      {differs && <Typography.Paragraph type="secondary">{t('actuals.query.proposedInstead', { mapping: proposed })}</Typography.Paragraph>}
      {proposal.reasons.length > 0 && (
        <div data-testid="mapping-reasons">
          <Typography.Text type="secondary">{t('actuals.query.why')}</Typography.Text>
          <ul>
            {proposal.reasons.map((note, i) => (
              <li key={i}>{noteLine(note, t)}</li>
            ))}
          </ul>
        </div>
      )}
      {proposal.warnings.length > 0 && (
        <div data-testid="mapping-warnings">
          <Typography.Text type="warning">{t('actuals.query.toDecide')}</Typography.Text>
          <ul>
            {proposal.warnings.map((note, i) => (
              <li key={i}>{noteLine(note, t)}</li>
            ))}
          </ul>
        </div>
      )}
      <Space>
        {(preview.mappingSource === 'proposal' || differs) && proposal.mapping && (
          <Button type="primary" size="small" loading={saving} onClick={onSaveProposal} data-testid="save-proposal">
            {t('actuals.query.useProposal')}
          </Button>
        )}
        <Button size="small" onClick={onChange} data-testid="change-mapping">
          {t('actuals.query.change')}
        </Button>
      </Space>
      {!preview.valueError && (
        <div className="mapped-values">
          <Typography.Text strong>{t('actuals.query.values')}</Typography.Text>
          {preview.values.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('actuals.query.noValues')}</Typography.Paragraph>
          ) : (
            <Table
              size="small"
              rowKey="periodStart"
              pagination={false}
              scroll={{ y: 200 }}
              data-testid="mapped-values"
              dataSource={preview.values}
              columns={[
                { title: t('actuals.table.period'), key: 'period', render: (_: unknown, v) => describePeriod({ start: v.periodStart, end: v.periodEnd }) },
                { title: t('actuals.table.value'), dataIndex: 'value', align: 'right', render: (value: number) => NUMBER.format(value) },
                { title: t('actuals.query.rows'), dataIndex: 'rows', align: 'right', width: 80 }
              ]}
            />
          )}
        </div>
      )}
    </div>
  )
}
