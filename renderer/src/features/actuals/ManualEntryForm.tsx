import { Button, DatePicker, Form, Input, InputNumber, Segmented, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { periodOf, type PeriodKind } from './actuals-rows'

interface Values {
  month?: Dayjs
  day?: Dayjs
  range?: [Dayjs, Dayjs]
  value: number
  note?: string
}

/** Records one value by hand for a month, a day or a from–to period. */
export function ManualEntryForm({ kpiId, onSaved }: { kpiId: number; onSaved: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [form] = Form.useForm<Values>()
  const [kind, setKind] = useState<PeriodKind>('month')
  const { busy: saving, run } = useSubmit()

  const submit = (values: Values) => {
    const period =
      kind === 'month'
        ? periodOf('month', values.month!.format('YYYY-MM-DD'))
        : kind === 'day'
          ? periodOf('day', values.day!.format('YYYY-MM-DD'))
          : periodOf('range', values.range![0].format('YYYY-MM-DD'), values.range![1].format('YYYY-MM-DD'))
    void run(async () => {
      await api.call('actuals.add', { kpiId, ...period, value: values.value, ...(values.note?.trim() ? { note: values.note.trim() } : {}) })
      notify.success(t('actuals.manual.saved'))
      form.resetFields(['value', 'note'])
      onSaved()
    })
  }

  const required = [{ required: true, message: t('validation.required') }]
  return (
    <Form form={form} name="actual-entry" layout="vertical" onFinish={submit} data-testid="manual-entry">
      <Form.Item label={t('actuals.manual.period')} style={{ marginBottom: 8 }}>
        <Segmented<PeriodKind>
          value={kind}
          onChange={setKind}
          options={(['month', 'day', 'range'] as const).map((k) => ({ value: k, label: t(`actuals.manual.kind.${k}`) }))}
        />
      </Form.Item>
      <Space align="start" wrap>
        {kind === 'month' && (
          <Form.Item name="month" rules={required}>
            <DatePicker picker="month" placeholder={t('actuals.manual.pickMonth')} />
          </Form.Item>
        )}
        {kind === 'day' && (
          <Form.Item name="day" rules={required}>
            <DatePicker placeholder={t('actuals.manual.pickDay')} />
          </Form.Item>
        )}
        {kind === 'range' && (
          <Form.Item name="range" rules={required}>
            <DatePicker.RangePicker placeholder={[t('actuals.manual.from'), t('actuals.manual.to')]} />
          </Form.Item>
        )}
        <Form.Item name="value" rules={required}>
          <InputNumber placeholder={t('actuals.manual.value')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('actuals.manual.note')} style={{ width: 220 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="manual-save">
          {t('actuals.manual.save')}
        </Button>
      </Space>
    </Form>
  )
}
