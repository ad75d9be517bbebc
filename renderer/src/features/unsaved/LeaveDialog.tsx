import { Button, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLeaveGuard } from './useLeaveGuard'

/** Asks before a drawer or modal with unsaved input closes or switches: Save, Discard, Cancel. Mounted once. */
export function LeaveDialog() {
  const { t } = useTranslation()
  const pending = useLeaveGuard((s) => s.pending)
  const saving = useLeaveGuard((s) => s.saving)
  const answer = useLeaveGuard((s) => s.answer)
  return (
    <Modal
      open={pending !== null}
      title={t('unsaved.title')}
      onCancel={() => void answer('cancel')}
      data-testid="leave-dialog"
      zIndex={2000}
      footer={[
        <Button key="cancel" onClick={() => void answer('cancel')} data-testid="leave-cancel">
          {t('app.cancel')}
        </Button>,
        <Button key="discard" danger onClick={() => void answer('discard')} data-testid="leave-discard">
          {t('unsaved.discard')}
        </Button>,
        <Button key="save" type="primary" loading={saving} onClick={() => void answer('save')} data-testid="leave-save">
          {t('app.save')}
        </Button>
      ]}
    >
      <span data-testid="leave-dialog-body">{t('unsaved.body')}</span>
    </Modal>
  )
}
