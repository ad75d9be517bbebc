import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Stage, Status } from '../../../electron/domain/kpi'

export const STAGE_COLOR: Record<Stage, string> = {
  draft: 'default',
  feasibility: 'gold',
  trial: 'blue',
  launched: 'green',
  operating: 'cyan',
  retired: 'default'
}

const STAGE_LABEL: Record<Stage, string> = { draft: 'v0.1', feasibility: 'v0.9', trial: 'v1.0', launched: 'v1.0+', operating: 'vX.Y', retired: '' }

export const STATUS_COLOR: Record<Status, string> = {
  proposed: 'default',
  adjusting: 'orange',
  adopted: 'blue',
  stable: 'green',
  'at-risk': 'red',
  retired: 'default'
}

export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  return (
    <Tag color={STAGE_COLOR[stage]} variant={stage === 'retired' ? 'outlined' : 'filled'} title={STAGE_LABEL[stage]}>
      {t(`stage.${stage}`)}
    </Tag>
  )
}

export function StatusText({ status }: { status: Status }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLOR[status]} variant="outlined">
      {t(`status.${status}`)}
    </Tag>
  )
}
