import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { Alert, Button, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProviderPreset } from '../../../../electron/domain/llm-providers'
import type { LlmSettingsView, LlmTestResult } from '../../../../electron/domain/assistant-views'
import { toApiError, type ApiError } from '../../api/api-error'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { useUnsavedInput } from '../unsaved/useLeaveGuard'
import { ENV_VARIABLES, missingReason, presetValues, toFormValues, toPatch, type SettingsFormValues } from './settings-form'

const browserMode = typeof window !== 'undefined' && !window.kpi

/** Provider, endpoint, limits and the write-only key; "Test connection" tries the unsaved form. */
export function SettingsTab() {
  const { t } = useTranslation()
  const notify = useNotify()
  const [form] = Form.useForm<SettingsFormValues>()
  const [view, setView] = useState<LlmSettingsView | null>(null)
  const [presets, setPresets] = useState<readonly ProviderPreset[]>([])
  const { busy: saving, run } = useSubmit()
  const [testing, setTesting] = useState(false)
  const [tested, setTested] = useState<LlmTestResult | ApiError | null>(null)
  const [dirty, setDirty] = useState(false)

  const show = useCallback(
    (next: LlmSettingsView) => {
      setView(next)
      form.setFieldsValue(toFormValues(next))
      setDirty(false)
    },
    [form]
  )

  /** Saves the form; true when saved, false when it is invalid or the core refused it. */
  const saveForm = async (): Promise<boolean> => {
    if (!view) return true
    const values = await form.validateFields().catch(() => null)
    if (!values) return false
    const saved = await run(async () => {
      show(await api.call('llm.settings.set', toPatch(values, view.envOverrides)))
      setTested(null)
      notify.success(t('assistant.saved'))
      return true
    })
    return saved === true
  }
  useUnsavedInput('assistant', dirty, saveForm)
  const onValuesChange = () => {
    if (!view) return
    const typed = toPatch(form.getFieldsValue(true) as SettingsFormValues, view.envOverrides)
    const held = toPatch(toFormValues(view), view.envOverrides)
    setDirty(JSON.stringify(typed) !== JSON.stringify(held))
  }

  useEffect(() => {
    Promise.all([api.call('llm.settings.get', {}), api.call('llm.presets', {})]).then(([settings, list]) => {
      setPresets(list)
      show(settings)
    }, notify.error)
  }, [show, notify.error])

  if (!view) return null
  const env = (name: keyof typeof ENV_VARIABLES) => view.envOverrides.includes(name)
  const envNote = (name: keyof typeof ENV_VARIABLES) => (env(name) ? t('assistant.fromEnv', { name: ENV_VARIABLES[name] }) : undefined)
  const reason = missingReason(
    view,
    presets.find((p) => p.id === view.provider)
  )

  const test = async () => {
    const values = await form.validateFields()
    setTesting(true)
    setTested(null)
    try {
      setTested(await api.call('llm.test', { draft: toPatch(values, view.envOverrides) }))
    } catch (error) {
      setTested(toApiError(error))
    } finally {
      setTesting(false)
    }
  }

  const removeKey = async () => {
    try {
      show(await api.call('llm.settings.set', { apiKey: null }))
    } catch (error) {
      notify.error(error)
    }
  }

  const keyNote = browserMode ? t('assistant.keyBrowser') : view.keyStorageInsecure ? undefined : t('assistant.keySecure')

  return (
    <div className="assistant-settings" data-testid="assistant-settings">
      {view.configured ? (
        <Alert
          type="success"
          showIcon
          data-testid="assistant-status"
          title={t('assistant.online', { model: view.effective.model, baseURL: view.effective.baseURL })}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          data-testid="assistant-status"
          title={t('assistant.offline')}
          description={reason ? t(`assistant.missing.${reason}`) : undefined}
        />
      )}
      <Form form={form} layout="vertical" className="assistant-form" requiredMark={false} onValuesChange={onValuesChange}>
        <Form.Item name="provider" label={t('assistant.preset')} extra={t('assistant.presetHint')}>
          <Select
            data-testid="assistant-preset"
            onChange={(id) => {
              const preset = presets.find((p) => p.id === id)
              if (!preset) return
              const filled = presetValues(preset)
              form.setFieldsValue({
                structuredOutput: filled.structuredOutput,
                ...(env('baseURL') ? {} : { baseURL: filled.baseURL }),
                ...(env('model') ? {} : { model: filled.model })
              })
            }}
            options={presets.map((p) => {
              // Provider names are names in any language; only the custom entry is a description.
              const label = p.id === 'custom' ? t('assistant.customProvider') : p.label
              return { value: p.id, label: p.local ? `${label} · ${t('assistant.local')}` : label }
            })}
          />
        </Form.Item>
        <div className="assistant-row">
          <Form.Item name="baseURL" label={t('assistant.baseURL')} extra={envNote('baseURL')} className="assistant-grow">
            <Input data-testid="assistant-base-url" readOnly={env('baseURL')} placeholder="https://…/v1" />
          </Form.Item>
          <Form.Item name="model" label={t('assistant.model')} extra={envNote('model')} className="assistant-grow">
            <Input data-testid="assistant-model" readOnly={env('model')} />
          </Form.Item>
        </div>
        <Form.Item
          label={
            <Space>
              {t('assistant.apiKey')}
              <Tag color={view.hasKey ? 'green' : 'default'} data-testid="assistant-key-state">
                {view.hasKey ? t('assistant.keySet') : t('assistant.keyNotSet')}
              </Tag>
            </Space>
          }
          extra={env('apiKey') ? envNote('apiKey') : keyNote}
        >
          <Space.Compact className="assistant-key">
            <Form.Item name="apiKey" noStyle>
              <Input.Password
                data-testid="assistant-api-key"
                autoComplete="off"
                disabled={env('apiKey')}
                placeholder={view.hasKey ? t('assistant.keyPlaceholderSet') : t('assistant.keyPlaceholder')}
                visibilityToggle={false}
              />
            </Form.Item>
            {view.hasKey && !env('apiKey') && (
              <Button icon={<DeleteOutlined />} onClick={() => void removeKey()}>
                {t('assistant.removeKey')}
              </Button>
            )}
          </Space.Compact>
        </Form.Item>
        {view.keyStorageInsecure && !browserMode && !env('apiKey') && (
          <Alert type="warning" showIcon className="assistant-gap" title={t('assistant.keyInsecure')} />
        )}
        <Form.Item name="structuredOutput" label={t('assistant.structuredOutput')}>
          <Select
            options={[
              { value: 'json_schema', label: t('assistant.jsonSchema') },
              { value: 'json_object', label: t('assistant.jsonObject') }
            ]}
          />
        </Form.Item>
        <Form.Item label={t('assistant.headers')} extra={t('assistant.headersNote')}>
          <Form.List name="headers">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Space.Compact key={row.key} className="assistant-header-row">
                    <Form.Item name={[row.name, 'name']} noStyle>
                      <Input placeholder={t('assistant.headerName')} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'value']} noStyle>
                      <Input placeholder={t('assistant.headerValue')} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('app.remove')} onClick={() => remove(row.name)} />
                  </Space.Compact>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', value: '' })}>
                  {t('assistant.addHeader')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <div className="assistant-row">
          <Form.Item name="timeoutSec" label={t('assistant.timeout')}>
            <InputNumber min={1} max={600} />
          </Form.Item>
          <Form.Item name="maxRetries" label={t('assistant.retries')}>
            <InputNumber min={0} max={8} />
          </Form.Item>
          <Form.Item name="concurrency" label={t('assistant.concurrency')}>
            <InputNumber min={1} max={16} />
          </Form.Item>
          <Form.Item name="kpisPerRequest" label={t('assistant.batch')}>
            <InputNumber min={1} max={500} />
          </Form.Item>
          <Form.Item name="sessionTokenBudget" label={t('assistant.budget')}>
            <InputNumber min={1000} max={10_000_000} step={10_000} />
          </Form.Item>
        </div>
        <Space>
          <Button type="primary" loading={saving} onClick={() => void saveForm()} data-testid="assistant-save">
            {t('assistant.save')}
          </Button>
          <Button loading={testing} onClick={() => void test()} data-testid="assistant-test">
            {t('assistant.test')}
          </Button>
        </Space>
        {tested && <TestResult result={tested} />}
      </Form>
    </div>
  )
}

function TestResult({ result }: { result: LlmTestResult | ApiError }) {
  const { t } = useTranslation()
  if ('latencyMs' in result)
    return (
      <Alert
        className="assistant-gap"
        type="success"
        showIcon
        data-testid="assistant-test-result"
        data-ok="true"
        title={t('assistant.testOk', { model: result.model, latency: result.latencyMs })}
      />
    )
  return (
    <Alert
      className="assistant-gap"
      type="error"
      showIcon
      data-testid="assistant-test-result"
      data-code={result.code}
      title={t(`errors.${result.code}`)}
      description={result.message ? <Typography.Text type="secondary">{t('app.errorDetail', { message: result.message })}</Typography.Text> : undefined}
    />
  )
}
