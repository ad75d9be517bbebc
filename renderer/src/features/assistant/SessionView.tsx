import ArrowLeftOutlined from '@ant-design/icons/ArrowLeftOutlined'
import SendOutlined from '@ant-design/icons/SendOutlined'
import StopOutlined from '@ant-design/icons/StopOutlined'
import { Alert, Button, Input, Space, Spin, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionMessage } from '../../../../electron/domain/assistant-views'
import { toApiError } from '../../api/api-error'
import { StageTag } from '../../components/StageTag'
import { useNotify } from '../../components/useNotify'
import { messageText } from './message-text'
import { formatCost } from './settings-form'
import { STATUS_TAG } from './SessionsTab'
import { useAssistantStore } from './useAssistantStore'

/** One review session: the conversation as plain text, its usage and cost, and a streamed follow-up chat. */
export function SessionView({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const session = useAssistantStore((s) => (s.session?.id === sessionId ? s.session : null))
  const streaming = useAssistantStore((s) => (s.streaming?.sessionId === sessionId ? s.streaming : null))
  const [question, setQuestion] = useState('')
  const [cancelled, setCancelled] = useState(false)
  const end = useRef<HTMLDivElement>(null)

  useEffect(() => {
    useAssistantStore.getState().loadSession(sessionId).catch(notify.error)
  }, [sessionId, notify.error])

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' })
  }, [session?.messages.length, streaming?.text])

  const send = async () => {
    const message = question.trim()
    if (!message) return
    setQuestion('')
    setCancelled(false)
    try {
      await useAssistantStore.getState().chat(sessionId, message)
    } catch (error) {
      if (toApiError(error).code === 'CANCELLED') setCancelled(true)
      else notify.error(error)
    }
  }

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => useAssistantStore.getState().openSession(null)} data-testid="session-back">
      {t('assistant.back')}
    </Button>
  )
  if (!session)
    return (
      <>
        {back}
        <Spin />
      </>
    )
  const cost = formatCost(session.costUsd, session.costKnown) ?? t('assistant.unknown')

  return (
    <div className="assistant-session" data-testid="session-view">
      {back}
      <Space wrap className="assistant-gap">
        <Typography.Title level={5} className="assistant-session-title">
          {t('assistant.sessionTitle', { id: session.id })}
        </Typography.Title>
        <StageTag stage={session.stage} />
        <Tag>{t(`assistant.engine.${session.engine}`)}</Tag>
        {session.model && <Tag>{session.model}</Tag>}
        <Tag color={STATUS_TAG[session.status]}>{t(`assistant.status.${session.status}`)}</Tag>
        <Typography.Text type="secondary">{dayjs(session.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
      </Space>
      <Typography.Paragraph data-testid="session-usage">
        {t('assistant.usage', { prompt: session.promptTokens.toLocaleString(), completion: session.completionTokens.toLocaleString(), cost })}
        {session.proposalIds.length > 0 && <Tag className="assistant-tag-gap">{t('assistant.proposals', { count: session.proposalIds.length })}</Tag>}
      </Typography.Paragraph>
      {session.error && <Alert type="error" className="assistant-gap" title={session.error} />}
      <div className="assistant-conversation" data-testid="session-messages">
        {session.messages.map((message, index) => (
          <Bubble key={index} message={message} />
        ))}
        {streaming && (
          <>
            <Bubble message={{ role: 'user', content: streaming.question, at: Date.now() }} />
            <Bubble message={{ role: 'assistant', content: streaming.text || t('assistant.thinking'), at: Date.now() }} streaming />
          </>
        )}
        <div ref={end} />
      </div>
      {cancelled && <Alert type="warning" className="assistant-gap" title={t('assistant.chatCancelled')} data-testid="chat-cancelled" />}
      {session.engine === 'assistant' ? (
        <div className="assistant-chat">
          <Input.TextArea
            data-testid="chat-input"
            value={question}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('assistant.chatPlaceholder')}
            disabled={streaming !== null}
            onChange={(event) => setQuestion(event.target.value)}
            onPressEnter={(event) => {
              if (event.shiftKey || event.nativeEvent.isComposing) return
              event.preventDefault()
              void send()
            }}
          />
          {streaming ? (
            <Button danger icon={<StopOutlined />} onClick={streaming.cancel} data-testid="chat-cancel">
              {t('assistant.cancel')}
            </Button>
          ) : (
            <Button type="primary" icon={<SendOutlined />} disabled={!question.trim()} onClick={() => void send()} data-testid="chat-send">
              {t('assistant.send')}
            </Button>
          )}
        </div>
      ) : (
        <Typography.Text type="secondary">{t('assistant.chatAnalyzer')}</Typography.Text>
      )}
    </div>
  )
}

// The review prompt (instructions and the board as data) is long: folded, one click away.
const LONG = 1200

/** Model output is shown as text: no HTML, no markdown images, so nothing remote is ever loaded. */
function Bubble({ message, streaming = false }: { message: SessionMessage; streaming?: boolean }) {
  const { t } = useTranslation()
  return (
    <div
      className={`assistant-bubble assistant-bubble-${message.role}`}
      data-role={message.role}
      data-streaming={streaming || undefined}
      data-testid="session-message"
    >
      <Typography.Text type="secondary" className="assistant-bubble-role">
        {t(`assistant.role.${message.role}`)}
      </Typography.Text>
      {message.role === 'system' || message.content.length > LONG ? (
        <details>
          <summary className="assistant-bubble-summary">{message.content.split('\n')[0]}</summary>
          <div className="assistant-bubble-text">{messageText(message.content)}</div>
        </details>
      ) : (
        <div className="assistant-bubble-text">{messageText(message.content)}</div>
      )}
    </div>
  )
}
