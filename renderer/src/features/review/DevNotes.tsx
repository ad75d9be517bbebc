import { Button, Input, List, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionNoteView } from '../../../../electron/api'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'

/** Dev-review notes of the feasibility stage: what the developers said, kept with the board version. */
export function DevNotes({ boardId }: { boardId: number }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [notes, setNotes] = useState<VersionNoteView[]>([])
  const [body, setBody] = useState('')
  const load = useCallback(
    () => api.call('notes.list', { boardId }).then((all) => setNotes(all.filter((n) => n.kind === 'dev-review')), notify.error),
    [boardId, notify.error]
  )
  useEffect(() => void load(), [load])

  const add = () =>
    api.call('notes.add', { boardId, kind: 'dev-review', body }).then(() => {
      setBody('')
      void load()
    }, notify.error)

  return (
    <div className="review-notes" data-testid="dev-notes">
      <Typography.Title level={5}>{t('review.notes.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('review.notes.hint')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea rows={2} value={body} onChange={(e) => setBody(e.target.value)} data-testid="dev-note-input" />
        <Button type="primary" disabled={!body.trim()} onClick={add} data-testid="dev-note-add">
          {t('review.notes.add')}
        </Button>
      </Space.Compact>
      <List
        size="small"
        dataSource={[...notes].sort((a, b) => b.createdAt - a.createdAt)}
        locale={{ emptyText: t('review.notes.empty') }}
        renderItem={(n) => (
          <List.Item data-testid="dev-note">
            <List.Item.Meta
              description={`${n.author} · ${dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}`}
              title={<span className="review-note-body">{n.body}</span>}
            />
          </List.Item>
        )}
      />
    </div>
  )
}
