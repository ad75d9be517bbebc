import { ExportOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNotify } from '../../components/useNotify'
import { filterKpis } from '../kpis/rows'
import { useKpiStore } from '../kpis/useKpiStore'
import { useUiStore } from '../ui/useUiStore'
import { useExportStore } from './useExportStore'

/** The toolbar's "Export": opens the dialog with the grid's filtered KPIs preselected for a selection. */
export function ExportButton() {
  const { t } = useTranslation()
  const notify = useNotify()
  const boardId = useUiStore((s) => s.boardId)
  const open = () => {
    const { kpis, query } = useKpiStore.getState()
    const filtered = filterKpis(kpis, query)
    const preselected = filtered.length < kpis.length ? filtered.map((k) => k.id) : []
    if (boardId !== null) useExportStore.getState().open(boardId, preselected).catch(notify.error)
  }
  return (
    <Button icon={<ExportOutlined />} onClick={open} data-testid="open-export">
      {t('export.button')}
    </Button>
  )
}
