import ExportOutlined from '@ant-design/icons/ExportOutlined'
import { Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotify } from '../../components/useNotify'
import { boardActionScope } from '../kpis/board-action-scope'
import { useUiStore } from '../ui/useUiStore'
import { useExportStore } from './useExportStore'

/** The toolbar's "Export": opens the dialog on the ticked KPIs, or on the board with the filtered ones preselected for a selection. */
export function ExportButton() {
  const { t } = useTranslation()
  const notify = useNotify()
  const boardId = useUiStore((s) => s.boardId)
  const [waiting, setWaiting] = useState(false)
  const open = async () => {
    setWaiting(true)
    try {
      const scope = await boardActionScope()
      const preselected = scope.kind === 'board' ? [] : scope.ids
      if (boardId !== null) await useExportStore.getState().open(boardId, preselected, scope.kind === 'selected' ? 'selection' : 'board')
    } finally {
      setWaiting(false)
    }
  }
  return (
    <Button icon={<ExportOutlined />} loading={waiting} onClick={() => void open().catch(notify.error)} data-testid="open-export">
      {t('export.button')}
    </Button>
  )
}
