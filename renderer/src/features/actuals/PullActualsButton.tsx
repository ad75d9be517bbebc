import CloudDownloadOutlined from '@ant-design/icons/CloudDownloadOutlined'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import { useNotify } from '../../components/useNotify'
import { boardActionScope } from '../kpis/board-action-scope'
import { useUiStore } from '../ui/useUiStore'
import { PullDialog } from './PullDialog'
import { usePullStore } from './usePullStore'

/** The toolbar's "Pull actuals": the ticked KPIs, else those the filter shows, else the board; hosts the pull dialog. */
export function PullActualsButton() {
  const { t } = useTranslation()
  const notify = useNotify()
  const open = usePullStore((s) => s.open)
  const [waiting, setWaiting] = useState(false)

  const pull = async () => {
    const boardId = useUiStore.getState().boardId
    if (boardId === null) return
    setWaiting(true)
    try {
      const scope = await boardActionScope()
      if (scope.kind === 'board') open({ boardId, label: t('actuals.pull.boardScope') })
      else open({ boardId, kpiIds: scope.ids, label: t(`actuals.pull.${scope.kind}Scope`, { count: scope.ids.length }) })
    } finally {
      setWaiting(false)
    }
  }

  return (
    <>
      <Button icon={<CloudDownloadOutlined />} loading={waiting} onClick={() => void pull().catch(notify.error)} data-testid="pull-actuals">
        {t('actuals.pull.toolbar')}
      </Button>
      <PullDialog />
    </>
  )
}
