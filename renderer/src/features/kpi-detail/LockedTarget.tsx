import LockOutlined from '@ant-design/icons/LockOutlined'
import { Button, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** Why the target cannot be typed into after launch, with the one way to change it: a re-baseline with a reason. */
export function LockedTarget({ rebaselining, onRebaseline }: { rebaselining: boolean; onRebaseline: () => void }) {
  const { t } = useTranslation()
  if (rebaselining) {
    return (
      <Typography.Text type="warning" data-testid="target-rebaselining">
        {t('locked.rebaselining')}
      </Typography.Text>
    )
  }
  return (
    <Space size={6} wrap data-testid="target-locked">
      <Typography.Text type="secondary">
        <LockOutlined /> {t('locked.target')}
      </Typography.Text>
      <Button size="small" type="link" onClick={onRebaseline} disabled={false} data-testid="target-rebaseline">
        {t('locked.rebaseline')}
      </Button>
    </Space>
  )
}
