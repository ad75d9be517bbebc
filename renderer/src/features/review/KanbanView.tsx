import MoreOutlined from '@ant-design/icons/MoreOutlined'
import { Button, Dropdown, Empty } from 'antd'
import { useMemo, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import type { Stage } from '../../../../electron/domain/kpi'
import { sortKpis } from '../kpis/board-sort'
import { filterKpis } from '../kpis/rows'
import { useKpiStore } from '../kpis/useKpiStore'
import { useUiStore } from '../ui/useUiStore'
import { FORWARD_STAGES } from './review-format'
import { unitOf } from '../../../../electron/domain/judging/format-figure'
import { StatusLight } from './StatusCells'
import { useReviewStore } from './useReviewStore'

function KanbanCard({ kpi }: { kpi: KpiView }) {
  const { t } = useTranslation()
  const openDetail = useUiStore((s) => s.openDetail)
  const openMove = useReviewStore((s) => s.openMove)
  const items = FORWARD_STAGES.filter((s) => s !== kpi.stage).map((s) => ({ key: s, label: t(`stage.${s}`) }))
  return (
    <div
      className="kanban-card"
      data-testid="kanban-card"
      data-kpi-code={kpi.code}
      draggable
      onDragStart={(e) => e.dataTransfer.setData('text/kpi-id', String(kpi.id))}
    >
      <div className="kanban-card-head">
        <button type="button" className="cell-code" onClick={() => openDetail(kpi.id)}>
          {kpi.code}
        </button>
        <Dropdown
          menu={{
            items: [{ key: 'title', type: 'group', label: t('review.kanban.moveTo'), children: items }],
            onClick: ({ key }) => openMove({ scope: 'kpi', kpiId: kpi.id, to: key as Stage })
          }}
          trigger={['click']}
        >
          <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('review.kanban.moveTo')} data-testid="kanban-move" />
        </Dropdown>
      </div>
      <div className="kanban-card-name">{kpi.name}</div>
      <div className="kanban-card-foot">
        <span className="kanban-target">{kpi.target?.text ?? '—'}</span>
        <StatusLight kpiId={kpi.id} unit={unitOf(kpi)} />
      </div>
    </div>
  )
}

/** The board by stage: a column per stage, cards moved by menu or drag-and-drop through the same gate dialog. */
export function KanbanView() {
  const { t, i18n } = useTranslation()
  const kpis = useKpiStore((s) => s.kpis)
  const query = useKpiStore((s) => s.query)
  const openMove = useReviewStore((s) => s.openMove)
  const statuses = useReviewStore((s) => s.statuses)
  const [over, setOver] = useState<Stage | null>(null)
  const shown = useMemo(() => filterKpis(sortKpis(kpis, query.sort, { locale: i18n.language, statuses }), query), [kpis, query, i18n.language, statuses])

  const drop = (stage: Stage) => (e: DragEvent) => {
    e.preventDefault()
    setOver(null)
    const kpiId = Number(e.dataTransfer.getData('text/kpi-id'))
    const kpi = kpis.find((k) => k.id === kpiId)
    if (kpi && kpi.stage !== stage) openMove({ scope: 'kpi', kpiId, to: stage })
  }

  return (
    <div className="kanban" data-testid="kanban">
      {FORWARD_STAGES.map((stage) => {
        const cards = shown.filter((k) => k.stage === stage)
        return (
          <section
            key={stage}
            className={`kanban-col${over === stage ? ' over' : ''}`}
            data-stage={stage}
            data-testid="kanban-column"
            onDragOver={(e) => {
              e.preventDefault()
              setOver(stage)
            }}
            onDragLeave={() => setOver(null)}
            onDrop={drop(stage)}
          >
            <header className="kanban-col-head">
              <span>{t(`stage.${stage}`)}</span>
              <span className="kanban-count">{cards.length}</span>
            </header>
            <div className="kanban-cards">
              {cards.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.kanban.empty')} />
              ) : (
                cards.map((k) => <KanbanCard key={k.id} kpi={k} />)
              )}
            </div>
          </section>
        )
      })}
    </div>
  )
}
