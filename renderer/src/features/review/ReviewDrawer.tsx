import { Drawer, Empty, Segmented, Space, Typography } from 'antd'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { STAGES, type Stage } from '../../../../electron/domain/kpi'
import { useNotify } from '../../components/useNotify'
import { useKpiStore } from '../kpis/useKpiStore'
import { WholeBoard } from '../kpis/WholeBoard'
import { ProposalCard } from './ProposalCard'
import { ReviewRun } from './ReviewRun'
import { useReviewStore, type ProposalFilter } from './useReviewStore'

const FILTERS: ProposalFilter[] = ['pending', 'partial', 'accepted', 'rejected', 'all']

/** The board's stage: the earliest stage any active KPI is still in. */
export function boardStage(stages: readonly Stage[]): Stage {
  const active = stages.filter((s) => s !== 'retired')
  if (active.length === 0) return 'draft'
  return STAGES[Math.min(...active.map((s) => STAGES.indexOf(s)))]!
}

/** The review panel: run a review, then decide its proposals field by field; dev-review notes at feasibility. */
export function ReviewDrawer({ boardId, boardName }: { boardId: number; boardName: string }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const open = useReviewStore((s) => s.panelOpen)
  const close = useReviewStore((s) => s.closePanel)
  const proposals = useReviewStore((s) => s.proposals)
  const filter = useReviewStore((s) => s.filter)
  const setFilter = useReviewStore((s) => s.setFilter)
  const focusId = useReviewStore((s) => s.focusId)
  const loadProposals = useReviewStore((s) => s.loadProposals)
  const kpis = useKpiStore((s) => s.kpis)
  const stage = useMemo(() => boardStage(kpis.map((k) => k.stage)), [kpis])

  useEffect(() => {
    if (open) loadProposals(boardId).catch(notify.error)
  }, [open, boardId, loadProposals, notify.error])

  useEffect(() => {
    if (open && focusId !== null) document.querySelector(`[data-proposal-id="${focusId}"]`)?.scrollIntoView({ block: 'start' })
  }, [open, focusId, proposals])

  return (
    <Drawer open={open} onClose={close} size={820} className="review-drawer" title={t('review.title', { board: boardName })}>
      <WholeBoard>
        <ReviewRun boardId={boardId} boardStage={stage} onDone={() => void loadProposals(boardId).catch(notify.error)} />
      </WholeBoard>
      <div className="review-list-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('review.proposals')}
        </Typography.Title>
        <Space size={6}>
          <Typography.Text type="secondary">{t('review.filter')}</Typography.Text>
          <Segmented<ProposalFilter>
            size="small"
            value={filter}
            onChange={setFilter}
            data-testid="proposal-filter"
            options={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('review.filterAll') : t(`review.proposalStatus.${f}`) }))}
          />
        </Space>
      </div>
      {proposals.length === 0 ? (
        <Empty description={t('review.noProposals')} />
      ) : (
        <div className="review-proposals">
          {proposals.map((p) => (
            <ProposalCard key={`${p.id}:${p.status}`} proposal={p} focused={p.id === focusId} />
          ))}
        </div>
      )}
    </Drawer>
  )
}
