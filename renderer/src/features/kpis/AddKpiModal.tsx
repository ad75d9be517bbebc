import { Form, Input, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { NewKpi } from '../../../../electron/domain/kpi-input'
import { FREQUENCIES, STAGES } from '../../../../electron/domain/kpi'
import { TargetPreview } from '../../components/TargetPreview'
import { useKeepUnparsedTarget } from './useKeepUnparsedTarget'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { useUiStore } from '../ui/useUiStore'
import { useKpiStore } from './useKpiStore'

interface Values {
  code: string
  name: string
  description?: string
  target?: string
  stage: NewKpi['stage']
  owner?: string
  category?: string
  dataSource?: string
  frequency?: NewKpi['frequency']
}

/** A new KPI with the fields a product owner knows first; the rest go in the detail drawer. */
export function AddKpiModal() {
  const { t } = useTranslation()
  const notify = useNotify()
  const open = useUiStore((s) => s.addingKpi)
  const setOpen = useUiStore((s) => s.setAddingKpi)
  const add = useKpiStore((s) => s.add)
  const keepUnparsed = useKeepUnparsedTarget()
  const [form] = Form.useForm<Values>()
  const target = Form.useWatch('target', form) ?? ''
  const metricName = Form.useWatch('name', form) ?? ''
  const { busy: saving, run } = useSubmit()

  const submit = async () => {
    const values = await form.validateFields()
    await run(async () => {
      const fields = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as NewKpi
      const kpi = await keepUnparsed((allowUnparsedTarget) => add(fields, { allowUnparsedTarget }))
      if (!kpi) return
      notify.success(t('addKpi.added', { code: kpi.code }))
      form.resetFields()
      setOpen(false)
    })
  }

  return (
    <Modal
      title={t('addKpi.title')}
      open={open}
      onOk={() => void submit()}
      onCancel={() => setOpen(false)}
      confirmLoading={saving}
      okText={t('app.add')}
      cancelText={t('app.cancel')}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ stage: 'draft' }} preserve={false} name="add-kpi">
        <div className="form-row">
          <Form.Item
            name="code"
            label={t('field.code')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            style={{ width: 160 }}
          >
            <Input placeholder="KPI-U001" />
          </Form.Item>
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="target" label={t('field.target')} extra={<TargetPreview text={target} metric={{ name: metricName }} />}>
          <Input placeholder={t('addKpi.targetExample')} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="stage" label={t('field.stage')} style={{ flex: 1 }}>
            <Select options={STAGES.filter((s) => s !== 'retired').map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
          </Form.Item>
          <Form.Item name="frequency" label={t('field.frequency')} style={{ flex: 1 }}>
            <Select allowClear options={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="owner" label={t('field.owner')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('field.category')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="dataSource" label={t('field.dataSource')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  )
}
