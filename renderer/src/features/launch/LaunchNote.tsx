import { Alert } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import type { LaunchPlanState } from '../../../../electron/domain/launch-plan'
import { addDays } from '../../../../electron/domain/period'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import './launch.css'

/** In a launched KPI's drawer: when it moves to operating, and by which rule of the board's launch plan. */
export function LaunchNote({ kpi }: { kpi: KpiView }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [state, setState] = useState<LaunchPlanState | null>(null)
  const launched = kpi.stage === 'launched'

  useEffect(() => {
    if (launched) api.call('launch.plan.get', { boardId: kpi.boardId }).then(setState, notify.error)
  }, [launched, kpi.boardId, kpi.revisionId, notify.error])

  if (!launched || !state) return null
  const schedule = state.schedule.find((s) => s.kpiId === kpi.id)
  if (!state.plan || !schedule) return <Alert type="info" showIcon title={t('launch.noPlanNote')} className="launch-gap" data-testid="launch-note" />
  const { firstReview } = schedule
  return (
    <Alert
      type="info"
      showIcon
      className="launch-gap"
      data-testid="launch-note"
      title={t('launch.note', {
        date: firstReview.end,
        cadence: t(`launch.cadences.${state.plan.cadence}`),
        launched: schedule.launchedOn,
        period: `${firstReview.label}, ${firstReview.start} – ${addDays(firstReview.end, -1)}`
      })}
    />
  )
}
