import RollbackOutlined from '@ant-design/icons/RollbackOutlined'
import SwapOutlined from '@ant-design/icons/SwapOutlined'
import { Button, Checkbox, Empty, Popconfirm, Space, Tag, Timeline, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView, RevisionDiff, RevisionView } from '../../../../electron/api'
import type { RevisionKind } from '../../../../electron/domain/kpi'
import { api } from '../../api/client'
import { AcceptedEdits } from '../../components/AcceptedEdits'
import { FieldChanges } from '../../components/FieldChanges'
import { useNotify } from '../../components/useNotify'
import { useKpiStore } from '../kpis/useKpiStore'

const KIND_COLOR: Record<RevisionKind, string> = {
  create: 'green',
  edit: 'blue',
  stage: 'cyan',
  rebaseline: 'orange',
  meaning: 'magenta',
  restore: 'purple',
  retire: 'gray'
}

/** Keeps at most two selected revisions: picking a third drops the oldest pick. */
export function toggleSelection(selected: number[], number: number): number[] {
  if (selected.includes(number)) return selected.filter((n) => n !== number)
  return [...selected, number].slice(-2)
}

/** The KPI's revisions, newest first; pick two to diff, or restore one. */
export function RevisionTimeline({ kpi }: { kpi: KpiView }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const put = useKpiStore((s) => s.put)
  const [revisions, setRevisions] = useState<RevisionView[]>([])
  const [selected, setSelected] = useState<number[]>([])
  const [diff, setDiff] = useState<RevisionDiff | null>(null)

  useEffect(() => {
    api.call('kpi.history', { kpiId: kpi.id }).then(setRevisions, notify.error)
  }, [kpi.id, kpi.revisionId, notify.error])

  useEffect(() => {
    setSelected([])
    setDiff(null)
  }, [kpi.id])

  const compare = () => {
    const [from, to] = [...selected].sort((a, b) => a - b)
    if (from === undefined || to === undefined) return
    api.call('kpi.diff', { kpiId: kpi.id, from, to }).then(setDiff, notify.error)
  }

  const restore = (number: number) =>
    api.call('kpi.restore', { kpiId: kpi.id, revision: number }).then((view) => {
      put(view)
      notify.success(t('history.restored', { number: view.revisionNumber }))
    }, notify.error)

  if (revisions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
  return (
    <div className="revision-timeline">
      <Space className="timeline-actions">
        <Button icon={<SwapOutlined />} disabled={selected.length !== 2} onClick={compare} data-testid="compare-revisions">
          {t('history.compare')}
        </Button>
        <Typography.Text type="secondary">{t('history.selectTwo')}</Typography.Text>
      </Space>
      {diff && (
        <div className="revision-diff" data-testid="revision-diff">
          <Typography.Title level={5}>{t('history.diffTitle', { from: diff.from, to: diff.to })}</Typography.Title>
          {diff.changes.length ? <FieldChanges changes={diff.changes} /> : <Typography.Text type="secondary">{t('history.noChanges')}</Typography.Text>}
        </div>
      )}
      <Timeline
        items={[...revisions].reverse().map((r) => ({
          color: KIND_COLOR[r.kind],
          content: (
            <div className={`revision revision-${r.kind}`} data-testid="revision" data-number={r.number} data-kind={r.kind}>
              <Space wrap size={6}>
                <Checkbox checked={selected.includes(r.number)} onChange={() => setSelected((s) => toggleSelection(s, r.number))}>
                  <Typography.Text strong>{t('drawer.revision', { number: r.number })}</Typography.Text>
                </Checkbox>
                <Tag color={KIND_COLOR[r.kind]}>{t(`history.kind.${r.kind}`)}</Tag>
                <Tag variant="outlined">{t(`history.source.${r.source}`)}</Tag>
                <Typography.Text type="secondary">
                  {t('history.by', { author: r.author })} · {dayjs(r.createdAt).format('YYYY-MM-DD HH:mm:ss')}
                </Typography.Text>
              </Space>
              <div className="revision-reason">
                {r.reason ? (
                  <Typography.Text>{r.reason}</Typography.Text>
                ) : (
                  <Typography.Text type="secondary" italic>
                    {t('history.noReason')}
                  </Typography.Text>
                )}
              </div>
              <AcceptedEdits edits={r.acceptedEdits} />
              <div className="revision-target">
                <Typography.Text type="secondary">{t('field.target')}: </Typography.Text>
                <Typography.Text>{r.target?.text ?? t('table.noValue')}</Typography.Text>
              </div>
              {r.number !== kpi.revisionNumber && (
                <Popconfirm
                  title={t('history.confirmRestore', { number: r.number })}
                  okText={t('app.ok')}
                  cancelText={t('app.cancel')}
                  onConfirm={() => restore(r.number)}
                >
                  <Button size="small" type="link" icon={<RollbackOutlined />}>
                    {t('history.restore')}
                  </Button>
                </Popconfirm>
              )}
            </div>
          )
        }))}
      />
    </div>
  )
}
