import ExportOutlined from '@ant-design/icons/ExportOutlined'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNotify } from '../../components/useNotify'
import { actionScope } from '../kpis/selection'
import { useKpiStore } from '../kpis/useKpiStore'
import { useUiStore } from '../ui/useUiStore'
import { useExportStore } from './useExportStore'

/** The toolbar's "Export": opens the dialog on the ticked KPIs, or on the board with the filtered ones preselected for a selection. */
export function ExportButton() {
  const { t } = useTranslation()
  const notify = useNotify()
  const boardId = useUiStore((s) => s.boardId)
  const open = () => {
    const { kpis, query, selected } = useKpiStore.getState()
    const scope = actionScope(kpis, query, selected)
    const preselected = scope.kind === 'board' ? [] : scope.ids
    if (boardId !== null)
      useExportStore
        .getState()
        .open(boardId, preselected, scope.kind === 'selected' ? 'selection' : 'board')
        .catch(notify.error)
  }
  return (
    <Button icon={<ExportOutlined />} onClick={open} data-testid="open-export">
      {t('export.button')}
    </Button>
  )
}
