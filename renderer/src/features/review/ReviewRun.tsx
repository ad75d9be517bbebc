import CaretRightOutlined from '@ant-design/icons/CaretRightOutlined'
import StopOutlined from '@ant-design/icons/StopOutlined'
import { Alert, Button, Progress, Radio, Select, Space, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewChunk, ReviewRunResult } from '../../../../electron/domain/assistant-views'
import { REVIEW_STAGE_NAMES } from '../../../../electron/domain/assistant-settings'
import type { Stage } from '../../../../electron/domain/kpi'
import { api } from '../../api/client'
import { useNotify } from '../../components/useNotify'
import { DevNotes } from './DevNotes'

type ReviewStage = (typeof REVIEW_STAGE_NAMES)[number]
const toReviewStage = (stage: Stage): ReviewStage => (stage === 'retired' ? 'operating' : stage)

/** Stage and engine, the Run/Cancel buttons, and what the review streams: model tokens (as text), progress and notes. */
export function ReviewRun({ boardId, boardStage, onDone }: { boardId: number; boardStage: Stage; onDone: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [stage, setStage] = useState<ReviewStage>(toReviewStage(boardStage))
  const [engine, setEngine] = useState<'analyzer' | 'llm'>('analyzer')
  const [text, setText] = useState('')
  const [notes, setNotes] = useState<string[]>([])
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [result, setResult] = useState<ReviewRunResult | null>(null)
  const [running, setRunning] = useState(false)
  const cancelRef = useRef<(() => void) | null>(null)

  const run = () => {
    setText('')
    setNotes([])
    setResult(null)
    setProgress({ done: 0, total: 0 })
    setRunning(true)
    const onChunk = (chunk: ReviewChunk) => {
      if (chunk.type === 'token') setText((prev) => prev + chunk.text)
      else if (chunk.type === 'progress') setProgress({ done: chunk.done, total: chunk.total })
      else setNotes((prev) => [...prev, chunk.text])
    }
    const { result: done, cancel } = api.stream('review.run', { boardId, stage, engine }, (chunk) => onChunk(chunk as ReviewChunk))
    cancelRef.current = cancel
    done
      .then((r) => {
        setResult(r)
        onDone()
      }, notify.error)
      .finally(() => {
        cancelRef.current = null
        setRunning(false)
        setProgress(null)
      })
  }

  const shownNotes = [...notes, ...(result?.note && !notes.includes(result.note) ? [result.note] : [])]
  return (
    <div className="review-run" data-testid="review-run">
      <Space wrap size={12}>
        <Space size={6}>
          <Typography.Text type="secondary">{t('review.stage')}</Typography.Text>
          <Select
            value={stage}
            onChange={setStage}
            style={{ width: 150 }}
            data-testid="review-stage"
            options={REVIEW_STAGE_NAMES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          />
        </Space>
        <Radio.Group value={engine} onChange={(e) => setEngine(e.target.value)} optionType="button" data-testid="review-engine">
          <Radio.Button value="analyzer" data-testid="engine-analyzer">
            {t('review.engineAnalyzer')}
          </Radio.Button>
          <Radio.Button value="llm" data-testid="engine-llm">
            {t('review.engineLlm')}
          </Radio.Button>
        </Radio.Group>
        {running ? (
          <Button danger icon={<StopOutlined />} onClick={() => cancelRef.current?.()} data-testid="review-cancel">
            {t('review.cancel')}
          </Button>
        ) : (
          <Button type="primary" icon={<CaretRightOutlined />} onClick={run} data-testid="review-start">
            {t('review.run')}
          </Button>
        )}
      </Space>
      {stage === 'feasibility' && <DevNotes boardId={boardId} />}
      {running && progress && (
        <div className="review-progress">
          <Typography.Text type="secondary">{t('review.running')}</Typography.Text>
          {progress.total > 0 && (
            <Progress percent={Math.round((progress.done / progress.total) * 100)} size="small" format={() => t('review.progress', progress)} />
          )}
        </div>
      )}
      {shownNotes.map((note) => (
        <Alert key={note} type="warning" showIcon title={note} className="review-note" data-testid="review-note" />
      ))}
      {(text || engine === 'llm') && (running || text) && (
        <div className="review-output">
          <Typography.Text type="secondary">{t('review.output')}</Typography.Text>
          <pre data-testid="review-stream">{text}</pre>
        </div>
      )}
      {result && (
        <Alert
          type="success"
          data-testid="review-result"
          title={t('review.done', { reviewed: result.reviewed, count: result.proposals.length, engine: t(`review.engineName.${result.engine}`) })}
          description={
            (result.summary || result.dropped?.length || result.remarks?.length) && (
              <>
                {result.summary && <div className="review-summary">{result.summary}</div>}
                {result.remarks?.length ? (
                  <div className="review-remarks" data-testid="review-remarks">
                    <Typography.Text type="secondary">{t('review.remarks')}</Typography.Text>
                    <ul>
                      {result.remarks.map((remark) => (
                        <li key={remark.code} data-code={remark.code}>
                          {remark.text}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {result.dropped?.length ? (
                  <div className="review-dropped">
                    {t('review.dropped')}: {result.dropped.join('; ')}
                  </div>
                ) : null}
              </>
            )
          }
        />
      )}
    </div>
  )
}
