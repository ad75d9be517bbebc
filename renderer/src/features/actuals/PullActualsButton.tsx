import { CloudDownloadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useKpiStore } from '../kpis/useKpiStore'
import { useUiStore } from '../ui/useUiStore'
import { filterKpis } from '../kpis/rows'
import { PullDialog } from './PullDialog'
import { usePullStore } from './usePullStore'

/** The toolbar's "Pull actuals": the whole board, or the KPIs the filter shows; hosts the pull dialog. */
export function PullActualsButton() {
  const { t } = useTranslation()
  const open = usePullStore((s) => s.open)

  const pull = () => {
    const boardId = useUiStore.getState().boardId
    if (boardId === null) return
    const { kpis, query } = useKpiStore.getState()
    const shown = filterKpis(kpis, query)
    if (shown.length < kpis.length) open({ boardId, kpiIds: shown.map((k) => k.id), label: t('actuals.pull.shownScope', { count: shown.length }) })
    else open({ boardId, label: t('actuals.pull.boardScope') })
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
