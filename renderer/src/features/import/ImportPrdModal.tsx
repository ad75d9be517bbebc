import { Alert, Button, Empty, Input, Modal, Space, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { useNotify } from '../../components/useNotify'
import { useBoardStore } from '../boards/useBoardStore'
import { useKpiStore } from '../kpis/useKpiStore'
import { useUiStore } from '../ui/useUiStore'
import { useVersionStore } from '../versions/useVersionStore'
import { canCommit, nothingChanges } from './import-rows'
import { ImportError } from './ImportError'
import { ImportPreviewTable } from './ImportPreviewTable'
import { ImportSummary } from './ImportSummary'
import { PrdSource } from './PrdSource'
import { SkippedSections } from './SkippedSections'
import { useImportStore } from './useImportStore'

/** The PRD import: choose a document, review and fix every KPI found, then commit as v0.1. */
export function ImportPrdModal() {
  const { t } = useTranslation()
  const notify = useNotify()
  const s = useImportStore(
    useShallow((st) => ({
      open: st.open,
      into: st.into,
      currentBoard: st.currentBoard,
      boardName: st.boardName,
      busy: st.busy,
      error: st.error,
      fileName: st.fileName,
      preview: st.preview,
      rows: st.rows,
      setBoardName: st.setBoardName,
      back: st.back,
      close: st.close,
      commit: st.commit
    }))
  )
  const included = s.rows.filter((r) => r.include).length
  const needsName = s.into === 'new' && !s.boardName.trim()
  const unchanged = s.into === 'current' && nothingChanges(s.rows)

  const commit = async () => {
    const result = await s.commit()
    if (!result) return
    notify.success(
      result.nothingChanged
        ? t('import.committedNothing')
        : t('import.committed', { created: result.created, updated: result.updated, version: result.version })
    )
    await useBoardStore.getState().load()
    const ui = useUiStore.getState()
    if (ui.boardId === result.boardId) {
      await Promise.all([useKpiStore.getState().load(result.boardId), useVersionStore.getState().load(result.boardId)])
    } else ui.selectBoard(result.boardId)
    s.close()
  }

  const footer = s.preview ? (
    <Space>
      <Button onClick={s.back} disabled={s.busy}>
        {t('import.back')}
      </Button>
      <Button onClick={s.close}>{unchanged ? t('app.close') : t('app.cancel')}</Button>
      {!unchanged && (
        <Button type="primary" loading={s.busy} disabled={!canCommit(s.rows) || needsName} onClick={() => void commit()} data-testid="import-commit">
          {t('import.commit', { count: included })}
        </Button>
      )}
    </Space>
  ) : (
    <Button onClick={s.close}>{t('app.cancel')}</Button>
  )

  return (
    <Modal
      open={s.open}
      title={t('import.title')}
      onCancel={s.close}
      footer={footer}
      width={s.preview ? 'min(1320px, 96vw)' : 720}
      destroyOnHidden
      className="import-modal"
      maskClosable={false}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {!s.preview && <PrdSource />}
        {s.busy && !s.preview && (
          <Spin tip={t('import.reading', { file: s.fileName ?? '' })}>
            <div style={{ height: 40 }} />
          </Spin>
        )}
        <ImportError error={s.error} />
        {s.preview && (
          <>
            <Space wrap>
              <Typography.Text strong data-testid="import-found">
                {t('import.found', { count: s.preview.candidates.length, file: s.preview.fileName, lines: s.preview.lineCount })}
              </Typography.Text>
              {s.preview.candidates.length > 0 && <Typography.Text type="secondary">{t('import.selected', { count: included })}</Typography.Text>}
              {s.into === 'new' ? (
                <Input
                  prefix={t('import.boardName')}
                  value={s.boardName}
                  onChange={(e) => s.setBoardName(e.target.value)}
                  status={needsName ? 'error' : undefined}
                  style={{ width: 320 }}
                  data-testid="import-board-name"
                />
              ) : (
                <Typography.Text type="secondary">{t('import.intoCurrent', { name: s.currentBoard?.name ?? '' })}</Typography.Text>
              )}
            </Space>
            {needsName && <Alert type="warning" showIcon title={t('import.boardNameRequired')} />}
            {unchanged && <Alert type="success" showIcon title={t('import.nothingChanged')} data-testid="import-nothing-changed" />}
            <ImportSummary preview={s.preview} rows={s.rows} />
            {s.preview.candidates.length === 0 ? (
              <Empty
                data-testid="import-none"
                description={
                  <>
                    {t('import.none')}
                    <br />
                    <Typography.Text type="secondary">{t('import.noneHint')}</Typography.Text>
                  </>
                }
              />
            ) : (
              <ImportPreviewTable />
            )}
            <SkippedSections skipped={s.preview.skipped} />
            {s.preview.notes.length > 0 && (
              <Alert
                type="info"
                title={t('import.notes')}
                data-testid="import-notes"
                description={
                  <ul className="import-notes">
                    {s.preview.notes.map((note, i) => (
                      <li key={i}>{note}</li>
                    ))}
                  </ul>
                }
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  )
}
