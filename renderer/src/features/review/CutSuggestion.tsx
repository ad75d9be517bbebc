import { Input, Modal, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'

/** After a board moved to a stage: offer to cut the matching version, label pre-filled and editable. */
export function CutSuggestion({ boardId, label, onClose }: { boardId: number; label: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [value, setValue] = useState('')
  useEffect(() => setValue(label ?? ''), [label])

  const cut = () =>
    api.call('version.cut', { boardId, label: value.trim() }).then((v) => {
      notify.success(t('review.move.cutDone', { label: v.label }))
      onClose()
    }, notify.error)

  return (
    <Modal
      open={label !== null}
      onCancel={onClose}
      onOk={cut}
      okText={t('review.move.cut', { label: value })}
      cancelText={t('review.move.later')}
      okButtonProps={{ disabled: !value.trim() }}
      title={t('review.move.cutTitle', { label: value })}
      className="cut-suggestion"
    >
      <Typography.Paragraph>{t('review.move.cutText')}</Typography.Paragraph>
      <Input value={value} onChange={(e) => setValue(e.target.value)} data-testid="suggested-label" />
    </Modal>
  )
}
