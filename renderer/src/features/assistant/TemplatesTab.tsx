import { Button, Empty, Input, List, Modal, Popconfirm, Segmented, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PROMPT_LOCALES, TEMPLATE_NAMES, type PromptLocale } from '../../../../electron/domain/assistant-settings'
import type { PromptTemplateVersion, PromptTemplateView } from '../../../../electron/domain/assistant-views'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'

type TemplateName = (typeof TEMPLATE_NAMES)[number]
type DraftKey = `${PromptLocale}/${TemplateName}`

/** One editor per stage and language: the template in force, Save as a new version, Reset to the shipped default, the history. */
export function TemplatesTab() {
  const { t, i18n } = useTranslation()
  const notify = useNotify()
  const [templates, setTemplates] = useState<PromptTemplateView[]>([])
  const [name, setName] = useState<TemplateName>('draft')
  const [locale, setLocale] = useState<PromptLocale>(i18n.language.startsWith('zh') ? 'zh-CN' : 'en')
  const [drafts, setDrafts] = useState<Partial<Record<DraftKey, string>>>({})
  const [viewing, setViewing] = useState<PromptTemplateVersion | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    api.call('prompt.list', {}).then(setTemplates, notify.error)
  }, [notify.error])

  const key: DraftKey = `${locale}/${name}`
  const current = templates.find((template) => template.name === name && template.locale === locale)
  if (!current) return null
  const text = drafts[key] ?? current.body
  const replace = (next: PromptTemplateView) => {
    setTemplates((list) => list.map((template) => (template.name === next.name && template.locale === next.locale ? next : template)))
    setDrafts((all) => ({ ...all, [`${next.locale}/${next.name}`]: undefined }))
  }
  const run = async (action: () => Promise<PromptTemplateView>, done: string) => {
    setBusy(true)
    try {
      replace(await action())
      notify.success(done)
    } catch (error) {
      notify.error(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="assistant-templates" data-testid="assistant-templates">
      <Typography.Paragraph type="secondary">{t('assistant.templatesIntro')}</Typography.Paragraph>
      <Segmented<TemplateName>
        data-testid="template-stage"
        value={name}
        onChange={setName}
        options={TEMPLATE_NAMES.map((value) => ({ value, label: t(`assistant.stage.${value}`) }))}
      />
      <Segmented<PromptLocale>
        data-testid="template-locale"
        className="assistant-gap"
        value={locale}
        onChange={setLocale}
        options={PROMPT_LOCALES.map((value) => ({ value, label: t(`assistant.templateLocale.${value}`) }))}
      />
      <Typography.Paragraph type="secondary">{t('assistant.templateLocaleHint')}</Typography.Paragraph>
      <Space className="assistant-gap">
        <Tag color={current.isDefault ? 'default' : 'blue'} data-testid="template-state">
          {current.isDefault ? t('assistant.isDefault') : t('assistant.isEdited')}
        </Tag>
      </Space>
      <Input.TextArea
        data-testid="template-body"
        className="assistant-mono"
        value={text}
        autoSize={{ minRows: 12, maxRows: 24 }}
        onChange={(event) => setDrafts((all) => ({ ...all, [key]: event.target.value }))}
      />
      <Space className="assistant-gap">
        <Button
          type="primary"
          loading={busy}
          disabled={text.trim() === '' || text === current.body}
          data-testid="template-save"
          onClick={() => void run(() => api.call('prompt.save', { name, locale, body: text }), t('assistant.templateSaved'))}
        >
          {t('assistant.saveTemplate')}
        </Button>
        <Popconfirm
          title={t('assistant.confirmReset')}
          okText={t('app.ok')}
          cancelText={t('app.cancel')}
          onConfirm={() => run(() => api.call('prompt.reset', { name, locale }), t('assistant.resetDone'))}
        >
          <Button disabled={current.isDefault && text === current.body} data-testid="template-reset">
            {t('assistant.reset')}
          </Button>
        </Popconfirm>
      </Space>
      <Typography.Title level={5}>{t('assistant.history')}</Typography.Title>
      {current.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assistant.noHistory')} />
      ) : (
        <List
          size="small"
          data-testid="template-history"
          dataSource={current.history}
          renderItem={(entry) => (
            <List.Item
              actions={
                entry.body === null
                  ? []
                  : [
                      <Button key="view" size="small" type="link" onClick={() => setViewing(entry)}>
                        {t('assistant.view')}
                      </Button>
                    ]
              }
            >
              <Space>
                <Typography.Text>{dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                <Typography.Text type="secondary">{entry.author}</Typography.Text>
                {entry.body === null && <Tag>{t('assistant.resetEntry')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={viewing !== null}
        width={760}
        title={viewing && t('assistant.versionOf', { author: viewing.author, at: dayjs(viewing.createdAt).format('YYYY-MM-DD HH:mm') })}
        onCancel={() => setViewing(null)}
        okText={t('assistant.use')}
        cancelText={t('app.close')}
        onOk={() => {
          if (viewing?.body) setDrafts((all) => ({ ...all, [key]: viewing.body ?? undefined }))
          setViewing(null)
        }}
      >
        <pre className="assistant-mono assistant-pre" data-testid="template-version">
          {viewing?.body}
        </pre>
      </Modal>
    </div>
  )
}
