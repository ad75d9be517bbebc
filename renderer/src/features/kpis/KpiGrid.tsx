import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import type { KpiPatch } from '../../../../electron/domain/kpi-input'
import { useNotify } from '../../components/useNotify'
import { useTargetWords } from '../../components/useTargetWords'
import { useReviewStore } from '../review/useReviewStore'
import type { CellContext } from './CellContent'
import type { EditEnd } from './CellEditor'
import { setWidth } from './column-layout'
import { cellPatch, gridWidth, shownColumns } from './columns'
import { afterEdit, clampCursor, gridKey, initialCursor, type GridBounds, type GridCursor } from './grid-nav'
import { GridHeader, type OnResize, type SelectAll } from './GridHeader'
import { cellId, GridRowView } from './GridRowView'
import type { GridRow, SortField, SortSpec } from './rows'
import { rowRange } from './selection'
import { useColumnStore } from './useColumnStore'
import { useKpiStore } from './useKpiStore'
import { useScrollToColumn } from './useScrollToColumn'
import { useLockNotice } from './useLockNotice'
import { fieldLock } from '../../../../electron/domain/field-locks'

export const ROW_HEIGHT = 52

interface Props {
  rows: GridRow[]
  /** Every KPI the filter shows, collapsed groups included: what the header's box ticks. */
  shownIds: number[]
  sort: SortSpec | null
  onSort: (field: SortField) => void
  onToggleGroup: (key: string) => void
  onOpen: (kpiId: number) => void
  /** Resolves null when the edit was not saved and the cell should stay open (a target to rephrase). */
  onEdit: (kpi: KpiView, patch: KpiPatch) => Promise<KpiView | null>
}

/** The board as a virtualized, keyboard-driven grid: only the rows in view (plus a few) are in the DOM. */
export function KpiGrid({ rows, shownIds, sort, onSort, onToggleGroup, onOpen, onEdit }: Props) {
  const { t } = useTranslation()
  const notify = useNotify()
  const words = useTargetWords()
  const statuses = useReviewStore((s) => s.statuses)
  const ctx = useMemo<CellContext>(() => ({ t, words, onOpen, statuses }), [t, words, onOpen, statuses])
  const container = useRef<HTMLDivElement>(null)
  const layout = useColumnStore((s) => s.layout)
  const columns = useMemo(() => shownColumns(layout), [layout])
  const width = gridWidth(columns)
  const [rawCursor, setCursor] = useState<GridCursor>(initialCursor)
  const cursor = clampCursor(rawCursor, { rows: rows.length, cols: columns.length })
  const selected = useKpiStore((s) => s.selected)
  const select = useKpiStore((s) => s.select)
  const streaming = useKpiStore((s) => s.progress !== null)
  const lastTicked = useRef<number | null>(null)
  const lockNotice = useLockNotice(onOpen)
  const header = useRef<HTMLDivElement>(null)
  const [headerHeight, setHeaderHeight] = useState(0)
  useLayoutEffect(() => setHeaderHeight(header.current?.offsetHeight ?? 0), [])
  // The rows start below the sticky header (scrollMargin), and the header covers the top of the viewport
  // (scrollPaddingStart): scrolling to a row keeps it out from under the header and above the bottom edge.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => container.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight
  })

  const bounds = useMemo<GridBounds>(() => {
    const viewport = container.current?.clientHeight ?? 600
    return {
      rows: rows.length,
      cols: columns.length,
      isGroup: (r) => rows[r]?.kind === 'group',
      isEditable: (c) => columns[c]?.editor != null,
      isLocked: (r, c) => {
        const row = rows[r]
        return row?.kind === 'kpi' && fieldLock(row.kpi, columns[c]?.field ?? null) !== null
      },
      pageSize: Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1)
    }
  }, [rows, columns])

  const items = virtualizer.getVirtualItems()

  useEffect(() => {
    if (rows.length) virtualizer.scrollToIndex(cursor.row, { align: 'auto' })
  }, [cursor.row, rows.length, virtualizer])
  useScrollToColumn(container, columns, cursor.col)

  const focusGrid = () => container.current?.focus({ preventScroll: true })

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (cursor.editing || e.target !== container.current) return
    const { cursor: next, effect, handled } = gridKey(cursor, e, bounds)
    if (!handled) return
    e.preventDefault()
    setCursor(next)
    const row = rows[cursor.row]
    if (effect === 'toggle-group' && row?.kind === 'group') onToggleGroup(row.key)
    if (effect === 'open-detail' && row?.kind === 'kpi') onOpen(row.kpi.id)
    if (effect === 'locked' && row?.kind === 'kpi') lockNotice(row.kpi, fieldLock(row.kpi, columns[cursor.col]!.field)!)
  }

  const onCellClick = useCallback(
    (row: number, col: number, edit: boolean) => {
      const locked = edit && bounds.isLocked(row, col)
      setCursor({ row, col, editing: edit && !locked && columns[col]?.editor != null, seed: null })
      if (!edit || locked) container.current?.focus({ preventScroll: true })
      const target = rows[row]
      if (locked && target?.kind === 'kpi') lockNotice(target.kpi, fieldLock(target.kpi, columns[col]!.field)!)
    },
    [bounds, rows, columns, lockNotice]
  )

  const onSelect = useCallback(
    (index: number, on: boolean, range: boolean) => {
      select(rowRange(rows, range && lastTicked.current !== null ? lastTicked.current : index, index), on)
      lastTicked.current = index
    },
    [rows, select]
  )

  const selectAll = useMemo<SelectAll>(
    () => ({ ticked: shownIds.filter((id) => selected.has(id)).length, shown: shownIds.length, waiting: streaming, onChange: (on) => select(shownIds, on) }),
    [selected, select, shownIds, streaming]
  )

  const onCommit = useCallback(
    async (kpi: KpiView, col: number, text: string, how: EditEnd) => {
      const patch = cellPatch(kpi, columns[col]!, text)
      try {
        if (patch && (await onEdit(kpi, patch as KpiPatch)) === null) return false
      } catch (error) {
        notify.error(error)
        return false
      }
      setCursor((c) => afterEdit(c, how, bounds))
      if (how !== 'blur') focusGrid()
      return true
    },
    [bounds, columns, notify, onEdit]
  )

  const onResize = useCallback<OnResize>(
    (key, next, done) => {
      const { layout, change } = useColumnStore.getState()
      change(setWidth(layout, key, next), done).catch(notify.error)
    },
    [notify]
  )

  const onCancel = useCallback(() => {
    setCursor((c) => afterEdit(c, 'cancel', bounds))
    focusGrid()
  }, [bounds])

  return (
    <div
      ref={container}
      role="grid"
      aria-label={t('table.editHint')}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={rows.length ? cellId(cursor.row, rows[cursor.row]?.kind === 'group' ? 0 : cursor.col) : undefined}
      tabIndex={0}
      className="kpi-grid"
      onKeyDown={onKeyDown}
    >
      <GridHeader ref={header} columns={columns} sort={sort} onSort={onSort} onResize={onResize} selectAll={selectAll} />
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]!
          return (
            <GridRowView
              // Keyed by slot, so scrolling updates the DOM of rows in place instead of remounting them.
              key={item.index % items.length}
              row={row}
              columns={columns}
              width={width}
              index={item.index}
              style={{ transform: `translateY(${item.start - headerHeight}px)`, height: ROW_HEIGHT }}
              activeCol={item.index === cursor.row ? cursor.col : -1}
              editing={item.index === cursor.row && cursor.editing}
              seed={cursor.seed}
              selected={row.kind === 'kpi' && selected.has(row.kpi.id)}
              onSelect={onSelect}
              onCellClick={onCellClick}
              onToggleGroup={onToggleGroup}
              ctx={ctx}
              onCommit={onCommit}
              onCancel={onCancel}
            />
          )
        })}
      </div>
      {rows.length === 0 && <div className="grid-empty">{t('table.empty')}</div>}
    </div>
  )
}
