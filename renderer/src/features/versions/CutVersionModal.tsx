import { Form, Input, Modal } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { useVersionStore } from './useVersionStore'

interface Props {
  boardId: number
  open: boolean
  onClose: () => void
}

/** Pins every KPI's current revision under a label; the label is pre-filled from `version.suggest`. */
export function CutVersionModal({ boardId, open, onClose }: Props) {
  const { t } = useTranslation()
  const notify = useNotify()
  const suggest = useVersionStore((s) => s.suggest)
  const cut = useVersionStore((s) => s.cut)
  const [form] = Form.useForm<{ label: string; note: string }>()
  const { busy: saving, run } = useSubmit()

  useEffect(() => {
    if (!open) return
    form.setFieldsValue({ label: '', note: '' })
    suggest(boardId).then((label) => form.setFieldValue('label', label), notify.error)
  }, [open, boardId, form, suggest, notify.error])

  const submit = async () => {
    const { label, note } = await form.validateFields()
    await run(async () => {
      const version = await cut(boardId, label.trim(), note ?? '')
      notify.success(t('versions.cutDone', { label: version.label }))
      onClose()
    })
  }

  return (
    <Modal
      title={t('versions.cut')}
      open={open}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('versions.cut')}
      cancelText={t('app.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" name="cut-version">
        <Form.Item name="label" label={t('versions.label')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={40} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="note" label={t('versions.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
