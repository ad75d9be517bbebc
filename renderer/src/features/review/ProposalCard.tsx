import { Alert, Button, Card, Checkbox, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProposalView } from '../../../../electron/api'
import { api } from '../../api/client'
import { AcceptedEdits } from '../../components/AcceptedEdits'
import { formatFieldValue } from '../../components/field-value'
import { useNotify } from '../../components/useNotify'
import { useSubmit } from '../../components/useSubmit'
import { acceptInput, diffRows, editorFor, editSeed, type DiffRow } from './review-format'
import { useReviewStore } from './useReviewStore'

export const PROPOSAL_STATUS_COLOR: Record<ProposalView['status'], string> = {
  pending: 'processing',
  accepted: 'success',
  partial: 'cyan',
  rejected: 'error',
  superseded: 'default'
}

const LONG_TEXT: readonly string[] = ['notes', 'description', 'formula']

function ProposedEditor({ row, value, onChange }: { row: DiffRow; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation()
  const spec = editorFor(row.field)
  if (spec.kind === 'select') {
    return (
      <Select
        size="small"
        value={value}
        onChange={onChange}
        style={{ width: '100%' }}
        options={spec.options.map((o) => ({ value: o, label: t(`${spec.prefix}${o}`) }))}
      />
    )
  }
  if (LONG_TEXT.includes(row.field)) {
    return (
      <Input.TextArea
        size="small"
        autoSize={{ minRows: 1, maxRows: 6 }}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="proposed-input"
      />
    )
  }
  return <Input size="small" value={value} onChange={(e) => onChange(e.target.value)} data-testid="proposed-input" />
}

/** One proposal as a field-by-field diff; pending ones can be accepted whole, in part, with edits, or rejected. */
export function ProposalCard({ proposal, focused }: { proposal: ProposalView; focused: boolean }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const putProposal = useReviewStore((s) => s.putProposal)
  const rows = diffRows(proposal)
  const pending = proposal.status === 'pending'
  const [chosen, setChosen] = useState<string[]>(rows.filter((r) => r.selectable).map((r) => r.field))
  const [edited, setEdited] = useState<Record<string, string>>({})
  const [rejectNote, setRejectNote] = useState('')
  const { busy, run } = useSubmit()
  const show = (field: DiffRow['field'], value: unknown) =>
    (typeof value === 'object' || field !== 'target' ? formatFieldValue(field, value, (key, vars) => t(key, vars ?? {})) : String(value)) ?? t('table.noValue')

  const decide = (call: () => Promise<ProposalView>, message: string) =>
    void run(async () => {
      putProposal(await call())
      notify.success(message)
    })
  const accept = (all: boolean) =>
    decide(
      () =>
        api.call(
          'proposal.accept',
          all
            ? acceptInput(
                proposal,
                rows.map((r) => r.field),
                edited
              )
            : acceptInput(proposal, chosen, edited)
        ),
      t('review.accepted')
    )

  return (
    <Card
      size="small"
      className={`review-proposal${focused ? ' focused' : ''}`}
      data-testid="proposal"
      data-proposal-id={proposal.id}
      data-status={proposal.status}
      title={
        <Space size={6} wrap>
          <Typography.Text strong>{proposal.code}</Typography.Text>
          <Tag>{t(`review.kind.${proposal.kind}`)}</Tag>
          <Tag variant="outlined">{t(`history.source.${proposal.engine}`)}</Tag>
          <Tag color={PROPOSAL_STATUS_COLOR[proposal.status]} data-testid="proposal-status">
            {t(`review.proposalStatus.${proposal.status}`)}
          </Tag>
        </Space>
      }
      extra={
        proposal.decidedBy && proposal.decidedAt ? (
          <Typography.Text type="secondary">
            {t('review.decided', { by: proposal.decidedBy, at: dayjs(proposal.decidedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        ) : null
      }
    >
      <Typography.Paragraph className="review-rationale">{proposal.rationale}</Typography.Paragraph>
      {proposal.stale && pending && <Alert type="info" showIcon title={t('review.stale')} className="review-note" />}
      {proposal.kind === 'retire' && <Typography.Text type="danger">{t('review.retireKpi', { code: proposal.code })}</Typography.Text>}
      {rows.length > 0 && (
        <table className="review-diff" data-testid="proposal-diff">
          <thead>
            <tr>
              {proposal.kind === 'patch' && <th />}
              <th>{t('review.field')}</th>
              {proposal.kind === 'patch' && <th>{t('review.current')}</th>}
              <th>{t('review.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const accepted = proposal.acceptedFields?.includes(row.field)
              return (
                <tr key={row.field} data-field={row.field} className={!pending && proposal.acceptedFields && !accepted ? 'review-row-skipped' : undefined}>
                  {proposal.kind === 'patch' && (
                    <td className="review-check">
                      <Checkbox
                        disabled={!pending}
                        checked={pending ? chosen.includes(row.field) : !!accepted}
                        onChange={(e) => setChosen(e.target.checked ? [...chosen, row.field] : chosen.filter((f) => f !== row.field))}
                        data-testid="field-check"
                      />
                    </td>
                  )}
                  <td className="review-field">{t(`field.${row.field}`)}</td>
                  {proposal.kind === 'patch' && (
                    <td className={`review-current${formatFieldValue(row.field, row.current, (key) => key) === null ? ' empty' : ''}`}>
                      {show(row.field, row.current)}
                    </td>
                  )}
                  <td className="review-proposed">
                    {pending && row.selectable && editorFor(row.field).kind !== 'none' ? (
                      <ProposedEditor
                        row={row}
                        value={edited[row.field] ?? editSeed(row.field, row.proposed)}
                        onChange={(v) => setEdited({ ...edited, [row.field]: v })}
                      />
                    ) : (
                      <span>{show(row.field, row.proposed)}</span>
                    )}
                    {row.rationale && <div className="review-field-why">{row.rationale}</div>}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <AcceptedEdits edits={proposal.acceptedEdits} />
      {proposal.decisionNote && <Typography.Text type="secondary">{proposal.decisionNote}</Typography.Text>}
      {pending && (
        <Space className="review-actions" wrap>
          {proposal.kind === 'patch' && rows.length > 1 && (
            <Button type="primary" disabled={busy || chosen.length === 0} onClick={() => accept(false)} data-testid="accept-selected">
              {t('review.acceptSelected')}
            </Button>
          )}
          <Button
            type={proposal.kind === 'patch' && rows.length > 1 ? 'default' : 'primary'}
            disabled={busy}
            onClick={() => accept(true)}
            data-testid="accept-all"
          >
            {t('review.acceptAll')}
          </Button>
          <Popconfirm
            title={
              <Input.TextArea
                rows={2}
                value={rejectNote}
                placeholder={t('review.rejectReason')}
                onChange={(e) => setRejectNote(e.target.value)}
                data-testid="reject-note"
              />
            }
            okText={t('review.reject')}
            cancelText={t('app.cancel')}
            onConfirm={() => decide(() => api.call('proposal.reject', { id: proposal.id, note: rejectNote.trim() || undefined }), t('review.rejected'))}
          >
            <Button danger disabled={busy} data-testid="reject">
              {t('review.reject')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  )
}
