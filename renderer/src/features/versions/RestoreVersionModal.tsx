import { Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { useKpiStore } from '../kpis/useKpiStore'
import { useVersionStore } from './useVersionStore'

/** Confirms restoring the whole board to a version, with a reason kept in every new revision. */
export function RestoreVersionModal({ boardId, label, onClose }: { boardId: number; label: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const restore = useVersionStore((s) => s.restore)
  const reloadKpis = useKpiStore((s) => s.load)
  const [reason, setReason] = useState('')
  const { busy: saving, run } = useSubmit()

  const submit = async () => {
    if (!label) return
    await run(async () => {
      const result = await restore(boardId, label, reason.trim())
      notify.success(t('versions.restored', result))
      await reloadKpis(boardId)
      setReason('')
      onClose()
    })
  }

  return (
    <Modal
      title={t('versions.restore')}
      open={label !== null}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('versions.restore')}
      okButtonProps={{ danger: true }}
      cancelText={t('app.cancel')}
    >
      <Typography.Paragraph>{t('versions.confirmRestore', { label })}</Typography.Paragraph>
      <Input.TextArea
        aria-label={t('versions.restoreReason')}
        data-testid="restore-reason"
        placeholder={t('drawer.reasonPlaceholder')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 4 }}
        maxLength={2000}
      />
    </Modal>
  )
}
