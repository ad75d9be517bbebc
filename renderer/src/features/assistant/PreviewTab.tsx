import ReloadOutlined from '@ant-design/icons/ReloadOutlined'
import { Alert, Button, Card, Empty, Segmented, Space, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REVIEW_STAGE_NAMES } from '../../../../electron/domain/assistant-settings'
import type { ReviewPreviewView } from '../../../../electron/domain/assistant-views'
import { api } from '../../api/client'
import { useSubmit } from '../../components/useSubmit'
import { useUiStore } from '../ui/useUiStore'
import { useBoardStore } from '../boards/useBoardStore'

type ReviewStage = (typeof REVIEW_STAGE_NAMES)[number]

/** Exactly the requests a review of the open board would send, batch by batch. */
export function PreviewTab() {
  const { t } = useTranslation()
  const boardId = useUiStore((s) => s.boardId)
  // The board's language picks the prompt: a change in the board settings is previewed at once.
  const language = useBoardStore((s) => s.boards.find((board) => board.id === boardId)?.language)
  const [stage, setStage] = useState<ReviewStage>('draft')
  const [preview, setPreview] = useState<ReviewPreviewView | null>(null)
  const { busy: loading, run } = useSubmit()

  const load = useCallback(() => {
    if (boardId === null) return
    void run(async () => setPreview(await api.call('llm.preview', { boardId, stage })))
  }, [boardId, stage, run])

  useEffect(load, [load, language])

  if (boardId === null) return <Empty description={t('assistant.noBoard')} />
  return (
    <div className="assistant-preview" data-testid="assistant-preview">
      <Alert type="info" showIcon title={t('assistant.previewIntro')} />
      <Space className="assistant-gap" wrap>
        <Typography.Text>{t('assistant.previewStage')}</Typography.Text>
        <Segmented<ReviewStage>
          data-testid="preview-stage"
          value={stage}
          onChange={setStage}
          options={REVIEW_STAGE_NAMES.map((value) => ({ value, label: t(`assistant.stage.${value}`) }))}
        />
        <Button icon={<ReloadOutlined />} loading={loading} onClick={load} data-testid="preview-refresh">
          {t('assistant.refresh')}
        </Button>
      </Space>
      {preview && (
        <>
          {!preview.configured && <Alert type="warning" showIcon className="assistant-gap" title={t('assistant.previewNotConfigured')} />}
          {preview.notes.map((note) => (
            <Alert key={note} type="warning" className="assistant-gap" title={note} />
          ))}
          <Typography.Paragraph type="secondary">{t('assistant.previewModel', { model: preview.model || '—', count: preview.reviewed })}</Typography.Paragraph>
          {preview.requests.length === 0 && <Empty description={t('assistant.previewEmpty')} />}
          {preview.requests.map((request, index) => (
            <Card
              key={index}
              size="small"
              className="assistant-gap"
              title={t('assistant.request', { n: index + 1, total: preview.requests.length })}
              data-testid="preview-request"
            >
              {request.messages.map((message, at) => (
                <div key={at} className="assistant-message" data-role={message.role}>
                  <Tag>{t(`assistant.role.${message.role}`)}</Tag>
                  {/* Verbatim what the model receives (data-literal: the language walk does not read it as UI text). */}
                  <pre className="assistant-mono assistant-pre" data-literal>
                    {message.content}
                  </pre>
                </div>
              ))}
            </Card>
          ))}
        </>
      )}
    </div>
  )
}
