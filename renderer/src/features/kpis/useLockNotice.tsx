import LockOutlined from '@ant-design/icons/LockOutlined'
import { App, Button } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import type { FieldLock } from '../../../../electron/domain/field-locks'

/** Says why a locked cell does not open an editor, with the re-baseline action (in the KPI's drawer) beside it. */
export function useLockNotice(onOpen: (kpiId: number) => void) {
  const { message } = App.useApp()
  const { t } = useTranslation()
  return useCallback(
    (kpi: KpiView, lock: FieldLock) => {
      const key = 'field-locked'
      void message.warning({
        key,
        duration: 6,
        icon: <LockOutlined />,
        content: (
          <span data-testid="lock-notice" data-code={kpi.code}>
            {t(`locked.${lock}`)}{' '}
            <Button
              size="small"
              type="link"
              data-testid="lock-notice-rebaseline"
              onClick={() => {
                message.destroy(key)
                onOpen(kpi.id)
              }}
            >
              {t('locked.rebaseline')}
            </Button>
          </span>
        )
      })
    },
    [message, onOpen, t]
  )
}
