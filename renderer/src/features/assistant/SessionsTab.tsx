import { Empty, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewSessionSummary, SessionStatus } from '../../../../electron/domain/assistant-views'
import { StageTag } from '../../components/StageTag'
import { useSubmit } from '../../components/useSubmit'
import { useUiStore } from '../ui/useUiStore'
import { SessionView } from './SessionView'
import { formatCost } from './settings-form'
import { useAssistantStore } from './useAssistantStore'

export const STATUS_TAG: Record<SessionStatus, string> = { running: 'processing', done: 'success', failed: 'error', cancelled: 'default' }

/** The review sessions of the open board, newest first; a row opens the conversation. */
export function SessionsTab() {
  const { t } = useTranslation()
  const boardId = useUiStore((s) => s.boardId)
  const sessionId = useAssistantStore((s) => s.sessionId)
  const sessions = useAssistantStore((s) => s.sessions)
  const { busy: loading, run } = useSubmit()

  useEffect(() => {
    if (boardId === null || sessionId !== null) return
    void run(() => useAssistantStore.getState().loadSessions(boardId))
  }, [boardId, sessionId, run])

  if (sessionId !== null) return <SessionView sessionId={sessionId} />
  if (boardId === null) return <Empty description={t('assistant.noBoard')} />
  return (
    <Table<ReviewSessionSummary>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={sessions}
      data-testid="session-list"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('assistant.sessionsEmpty') }}
      onRow={(row) =>
        ({
          onClick: () => useAssistantStore.getState().openSession(row.id),
          className: 'assistant-clickable',
          'data-session-id': row.id
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: t('assistant.col.date'), dataIndex: 'createdAt', width: 140, render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm') },
        { title: t('assistant.col.stage'), dataIndex: 'stage', render: (stage: ReviewSessionSummary['stage']) => <StageTag stage={stage} /> },
        { title: t('assistant.col.engine'), dataIndex: 'engine', render: (engine: ReviewSessionSummary['engine']) => t(`assistant.engine.${engine}`) },
        { title: t('assistant.col.model'), dataIndex: 'model', render: (model: string | null) => model ?? '—' },
        {
          title: t('assistant.col.status'),
          dataIndex: 'status',
          render: (status: SessionStatus) => <Tag color={STATUS_TAG[status]}>{t(`assistant.status.${status}`)}</Tag>
        },
        {
          title: t('assistant.col.tokens'),
          key: 'tokens',
          align: 'right',
          render: (_, row) => `${row.promptTokens.toLocaleString()} / ${row.completionTokens.toLocaleString()}`
        },
        {
          title: t('assistant.col.cost'),
          key: 'cost',
          align: 'right',
          render: (_, row) => formatCost(row.costUsd, row.costKnown) ?? <Typography.Text type="secondary">{t('assistant.unknown')}</Typography.Text>
        }
      ]}
    />
  )
}
