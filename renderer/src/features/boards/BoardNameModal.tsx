import { Form, Input, Modal } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useSubmit } from '../../components/useSubmit'

interface Props {
  /** Names the form, so its inputs get distinct ids. */
  formName: string
  open: boolean
  title: string
  initialName?: string
  withDescription?: boolean
  onSubmit: (name: string, description: string) => Promise<void>
  onClose: () => void
}

/** Name (and description) of a new or renamed board. */
export function BoardNameModal({ formName, open, title, initialName = '', withDescription = false, onSubmit, onClose }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ name: string; description: string }>()
  const { busy: saving, run } = useSubmit()

  useEffect(() => {
    if (open) form.setFieldsValue({ name: initialName, description: '' })
  }, [open, initialName, form])

  const submit = async () => {
    const { name, description } = await form.validateFields()
    await run(async () => {
      await onSubmit(name.trim(), description?.trim() ?? '')
      onClose()
    })
  }

  return (
    <Modal
      title={title}
      open={open}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" name={formName} onFinish={() => void submit()}>
        <Form.Item name="name" label={t('boards.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        {withDescription && (
          <Form.Item name="description" label={t('boards.description')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={5000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
