import CloudDownloadOutlined from '@ant-design/icons/CloudDownloadOutlined'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useKpiStore } from '../kpis/useKpiStore'
import { useUiStore } from '../ui/useUiStore'
import { actionScope } from '../kpis/selection'
import { PullDialog } from './PullDialog'
import { usePullStore } from './usePullStore'

/** The toolbar's "Pull actuals": the ticked KPIs, else those the filter shows, else the board; hosts the pull dialog. */
export function PullActualsButton() {
  const { t } = useTranslation()
  const open = usePullStore((s) => s.open)

  const pull = () => {
    const boardId = useUiStore.getState().boardId
    if (boardId === null) return
    const { kpis, query, selected } = useKpiStore.getState()
    const scope = actionScope(kpis, query, selected)
    if (scope.kind === 'board') open({ boardId, label: t('actuals.pull.boardScope') })
    else open({ boardId, kpiIds: scope.ids, label: t(`actuals.pull.${scope.kind}Scope`, { count: scope.ids.length }) })
  }

  return (
    <>
      <Button icon={<CloudDownloadOutlined />} onClick={pull} data-testid="pull-actuals">
        {t('actuals.pull.toolbar')}
      </Button>
      <PullDialog />
    </>
  )
}
