import { Empty, Skeleton, Space, Tag, Typography } from 'antd'
import { useCallback, useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import type { KpiPatch } from '../../../../electron/domain/kpi-input'
import { useNotify } from '../../components/useNotify'
import { AuditDrawer } from '../audit/AuditDrawer'
import { LaunchDrawer } from '../launch/LaunchDrawer'
import { useBoardStore } from '../boards/useBoardStore'
import { ExportModal } from '../export/ExportModal'
import { ImportPrdButton } from '../import/ImportMenu'
import { TableImportModal } from '../import/TableImportModal'
import { KpiDrawer } from '../kpi-detail/KpiDrawer'
import { BoardAltView } from '../review/BoardAltView'
import { ReviewMount } from '../review/ReviewMount'
import { useReviewStore } from '../review/useReviewStore'
import { useUiStore } from '../ui/useUiStore'
import { CutVersionModal } from '../versions/CutVersionModal'
import { useVersionStore } from '../versions/useVersionStore'
import { VersionsDrawer } from '../versions/VersionsDrawer'
import { useCutVersion } from '../versions/useCutVersion'
import { AddKpiModal } from './AddKpiModal'
import { BoardCount } from './BoardCount'
import { BoardToolbar } from './BoardToolbar'
import { KpiGrid } from './KpiGrid'
import { buildRows, filterKpis, toggleSort, type SortField } from './rows'
import { useKeepUnparsedTarget } from './useKeepUnparsedTarget'
import { useColumnStore } from './useColumnStore'
import { useKpiStore } from './useKpiStore'

/** One board: toolbar, the editable grid, and the drawers and dialogs working on it. */
export function BoardPage({ boardId }: { boardId: number }) {
  const { t, i18n } = useTranslation()
  const notify = useNotify()
  const board = useBoardStore((s) => s.boards.find((b) => b.id === boardId))
  const kpis = useKpiStore((s) => s.kpis)
  const answered = useKpiStore((s) => s.answeredBoard === boardId)
  const query = useKpiStore((s) => s.query)
  const setQuery = useKpiStore((s) => s.setQuery)
  const edit = useKpiStore((s) => s.edit)
  const load = useKpiStore((s) => s.load)
  const loadColumns = useColumnStore((s) => s.load)
  const loadVersions = useVersionStore((s) => s.load)
  const openDetail = useUiStore((s) => s.openDetail)
  const cut = useCutVersion(boardId)
  const view = useReviewStore((s) => s.view)
  const statuses = useReviewStore((s) => s.statuses)

  useEffect(() => {
    load(boardId).catch(notify.error)
    loadVersions(boardId).catch(notify.error)
    loadColumns(boardId).catch(notify.error)
  }, [boardId, load, loadVersions, loadColumns, notify.error])

  const rows = useMemo(() => buildRows(kpis, query, { locale: i18n.language, statuses }), [kpis, query, i18n.language, statuses])
  const shownIds = useMemo(() => filterKpis(kpis, query).map((k) => k.id), [kpis, query])
  const onSort = useCallback((field: SortField) => setQuery({ sort: toggleSort(useKpiStore.getState().query.sort, field) }), [setQuery])
  const onToggleGroup = useCallback(
    (key: string) => {
      const { collapsed } = useKpiStore.getState().query
      setQuery({ collapsed: collapsed.includes(key) ? collapsed.filter((k) => k !== key) : [...collapsed, key] })
    },
    [setQuery]
  )
  const keepUnparsed = useKeepUnparsedTarget()
  const onEdit = useCallback(
    (kpi: KpiView, patch: KpiPatch) => keepUnparsed((allowUnparsedTarget) => edit(kpi.id, patch, { allowUnparsedTarget })),
    [edit, keepUnparsed]
  )

  if (!board) return null
  return (
    <div className="board-page" data-board-id={boardId}>
      <div className="board-title">
        <Space align="baseline" size={12}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="board-title">
            {board.name}
          </Typography.Title>
          {board.latestVersion ? <Tag color="purple">{board.latestVersion}</Tag> : <Typography.Text type="secondary">{t('boards.noVersion')}</Typography.Text>}
          <BoardCount shown={shownIds.length} />
        </Space>
        {board.description && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0 }}>
            {board.description}
          </Typography.Paragraph>
        )}
      </div>
      <BoardToolbar onCutVersion={cut.open} />
      {view !== 'grid' ? (
        <BoardAltView view={view} />
      ) : !answered ? (
        <div className="board-loading" data-testid="board-loading" role="status" aria-busy="true" aria-label={t('table.loadingBoard')}>
          <Skeleton active title={false} paragraph={{ rows: 6 }} />
        </div>
      ) : kpis.length === 0 && !query.text ? (
        <Empty className="board-empty" description={t('table.emptyBoard')}>
          <ImportPrdButton type="primary" board={{ id: board.id, name: board.name }} />
        </Empty>
      ) : (
        <KpiGrid rows={rows} shownIds={shownIds} sort={query.sort} onSort={onSort} onToggleGroup={onToggleGroup} onOpen={openDetail} onEdit={onEdit} />
      )}
      <Typography.Text type="secondary" className="grid-hint">
        {t('table.editHint')}
      </Typography.Text>
      <AddKpiModal />
      <KpiDrawer />
      <VersionsDrawer boardId={boardId} onCut={cut.open} />
      <AuditDrawer boardId={boardId} />
      <LaunchDrawer boardId={boardId} boardName={board.name} />
      <CutVersionModal boardId={boardId} {...cut.modal} />
      <TableImportModal />
      <ExportModal />
      <ReviewMount boardId={boardId} boardName={board.name} />
    </div>
  )
}
