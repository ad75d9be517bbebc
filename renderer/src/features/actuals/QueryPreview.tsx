import { Alert, Button, Collapse, DatePicker, Select, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormulaPreview, KpiView, PreviewProblem } from '../../../../electron/api'
import type { KpiPatch } from '../../../../electron/domain/kpi-input'
import { describePeriod, GRAINS, periodContaining, type Grain } from '../../../../electron/domain/period'
import { bucketOf, localDay, previewPeriod, pullPeriod } from '../../../../electron/domain/period-binding'
import type { ResultMapping } from '../../../../electron/domain/result-mapping'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { api } from '../../api/client'
import { useKpiStore } from '../kpis/useKpiStore'
import { useSourceStore } from '../sources/useSourceStore'
import { DateFindings } from './DateFindings'
import { MappingEditor } from './MappingEditor'
import { MappingPanel } from './MappingPanel'
import { ResultTable } from './ResultTable'

const PICKER: Record<Grain, 'date' | 'week' | 'month' | 'quarter'> = { day: 'date', week: 'week', month: 'month', quarter: 'quarter' }

/** A problem the core found: its code in the UI language, then the core's own words naming the columns and dates. */
function ProblemText({ problem }: { problem: PreviewProblem }) {
  const { t } = useTranslation()
  return (
    <>
      <div>{t(`errors.${problem.code}`)}</div>
      <Typography.Text type="secondary">{problem.message}</Typography.Text>
    </>
  )
}

/**
 * Runs the formula read-only for one day, ISO week, month or quarter (bound exactly as the CLI binds
 * `--period`) and shows the table, the mapping with its reasons, the values and the dates in the SQL.
 */
export function QueryPreview({ kpi }: { kpi: KpiView }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const edit = useKpiStore((s) => s.edit)
  // By default the period a pull without a range fills: the same domain rule the CLI's preview and the schedule use.
  const [initial] = useState(() => pullPeriod(kpi, localDay(Date.now())))
  // A real-time or hourly KPI previews its newest complete bucket, as the pull fills it.
  useEffect(() => void useSourceStore.getState().load().catch(notify.error), [notify.error])
  const realtimeMinutes = useSourceStore((s) => s.sources.find((source) => source.name === kpi.dataSource)?.realtimeMinutes)
  const bucket = bucketOf(kpi, realtimeMinutes) === null ? null : previewPeriod(kpi, Date.now(), realtimeMinutes)
  const [grain, setGrain] = useState<Grain>(initial.grain)
  const [date, setDate] = useState<Dayjs>(() => dayjs(initial.start))
  const [preview, setPreview] = useState<FormulaPreview | null>(null)
  const [editing, setEditing] = useState(false)
  const [running, setRunning] = useState(false)
  const { busy: saving, run: submit } = useSubmit()
  const label = bucket ? describePeriod(bucket) : periodContaining(date.format('YYYY-MM-DD'), grain).label

  const run = (mapping?: ResultMapping | null) => {
    setRunning(true)
    const period = bucket ? { periodStart: bucket.start, periodEnd: bucket.end } : { period: label }
    api
      .call('actuals.preview', { kpiId: kpi.id, ...period, ...(mapping !== undefined ? { mapping } : {}) })
      .then(setPreview, (error: unknown) => {
        setPreview(null)
        notify.error(error)
      })
      .finally(() => setRunning(false))
  }

  /** Saves a patch as a new revision; true when saved (a refusal is shown and keeps the editor open). */
  const save = async (patch: KpiPatch, message: string): Promise<boolean> =>
    (await submit(async () => {
      const view = await edit(kpi.id, patch, { expectedRevisionId: kpi.revisionId })
      notify.success(t(message, { number: view.revisionNumber }))
      setEditing(false)
      run()
      return true
    })) === true

  return (
    <div data-testid="query-preview" className="query-preview">
      <Space wrap>
        {!bucket && (
          <>
            <Select
              value={grain}
              onChange={setGrain}
              options={GRAINS.map((g) => ({ value: g, label: t(`actuals.query.grain.${g}`) }))}
              style={{ width: 110 }}
              data-testid="preview-grain"
            />
            <DatePicker picker={PICKER[grain]} allowClear={false} value={date} onChange={(d) => d && setDate(d)} data-testid="preview-date" />
          </>
        )}
        <Button onClick={() => run()} loading={running} data-testid="preview-run" data-period={label}>
          {t('actuals.query.run', { label })}
        </Button>
        <Typography.Text type="secondary">{t('actuals.query.nothingStored')}</Typography.Text>
      </Space>
      {preview && (
        <Space orientation="vertical" size={10} style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text type="secondary" data-testid="preview-summary">
            {t('actuals.query.summary', {
              label: preview.period.label,
              start: preview.period.start,
              end: preview.period.end,
              count: preview.table.rowCount,
              ms: Math.round(preview.elapsedMs)
            })}
          </Typography.Text>
          <ResultTable table={preview.table} />
          {preview.pullBlocked && (
            <Alert
              type="error"
              showIcon
              title={t('actuals.query.blocked')}
              description={<ProblemText problem={preview.pullBlocked} />}
              data-testid="pull-blocked"
            />
          )}
          <DateFindings
            dates={preview.dates}
            busy={saving}
            onRewrite={() => {
              const rewrite = preview.dates.rewrite!
              void save({ formula: rewrite.formula, ...(rewrite.frequency ? { frequency: rewrite.frequency } : {}) }, 'actuals.query.dates.applied')
            }}
            onRolling={() => void save({ mapping: { ...kpi.mapping, rolling: true } }, 'actuals.query.dates.markedRolling')}
          />
          {preview.valueError && (
            <Alert
              type="warning"
              showIcon
              title={t('actuals.query.valueError')}
              description={<ProblemText problem={preview.valueError} />}
              data-testid="value-error"
              data-code={preview.valueError.code}
            />
          )}
          {editing ? (
            <MappingEditor
              preview={preview}
              mapping={preview.mapping}
              saving={saving}
              onTry={(mapping) => run(mapping)}
              onSave={(mapping) => save({ mapping }, 'actuals.query.saved')}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <MappingPanel
              preview={preview}
              saving={saving}
              onSaveProposal={() => void save({ mapping: preview.proposal.mapping }, 'actuals.query.saved')}
              onChange={() => setEditing(true)}
            />
          )}
          <Collapse
            size="small"
            items={[
              {
                key: 'sql',
                label: t('actuals.query.boundSql'),
                children: (
                  <pre className="bound-sql" data-testid="preview-sql">
                    {preview.boundSql}
                  </pre>
                )
              }
            ]}
          />
        </Space>
      )}
    </div>
  )
}
