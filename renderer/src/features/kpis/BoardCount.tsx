import { Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { BoardProgress } from './BoardProgress'
import { useKpiStore } from './useKpiStore'

/**
 * How many KPIs the filter shows and how many are ticked, beside the board's title (the toolbar keeps to one line);
 * while the board streams in, the count says it is of the rows loaded so far.
 */
export function BoardCount({ shown }: { shown: number }) {
  const { t } = useTranslation()
  const total = useKpiStore((s) => s.kpis.length)
  const streaming = useKpiStore((s) => s.progress !== null)
  const ticked = useKpiStore((s) => s.selected.size)
  const clearSelection = useKpiStore((s) => s.clearSelection)
  return (
    <Space size={8} className="board-count">
      <Typography.Text type="secondary" data-testid="kpi-count">
        {streaming ? t('toolbar.showingSoFar', { shown, loaded: total }) : t('toolbar.showing', { shown, total })}
      </Typography.Text>
      <BoardProgress />
      {ticked > 0 && (
        <Space size={4} data-testid="selection">
          <Typography.Text strong data-testid="selection-count">
            {t('toolbar.selected', { count: ticked })}
          </Typography.Text>
          <Button size="small" type="link" onClick={clearSelection} data-testid="clear-selection">
            {t('toolbar.clearSelection')}
          </Button>
        </Space>
      )}
    </Space>
  )
}
