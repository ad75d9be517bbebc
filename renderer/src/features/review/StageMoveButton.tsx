import NodeIndexOutlined from '@ant-design/icons/NodeIndexOutlined'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useReviewStore } from './useReviewStore'

/** "Move to stage…" in the KPI drawer. */
export function StageMoveButton({ kpiId }: { kpiId: number }) {
  const { t } = useTranslation()
  const openMove = useReviewStore((s) => s.openMove)
  return (
    <Button icon={<NodeIndexOutlined />} onClick={() => openMove({ scope: 'kpi', kpiId })} data-testid="move-stage">
      {t('review.move.action')}
    </Button>
  )
}
