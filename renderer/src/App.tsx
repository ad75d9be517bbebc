import { Empty, Layout, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotify } from './components/useNotify'
import { AssistantButton, AssistantDrawer } from './features/assistant/AssistantDrawer'
import { BoardList } from './features/boards/BoardList'
import { useBoardStore } from './features/boards/useBoardStore'
import { ImportPrdModal } from './features/import/ImportPrdModal'
import { BoardPage } from './features/kpis/BoardPage'
import { LanguageSwitch } from './features/ui/LanguageSwitch'
import { useLiveEvents } from './features/ui/useLiveEvents'
import { useUiStore } from './features/ui/useUiStore'
import { AlertsBell } from './features/actuals/AlertsBell'
import { SourcesButton } from './features/sources/SourcesDrawer'
import { BackupsButton } from './features/backup/BackupsDrawer'
import { WorkspaceNotices } from './features/backup/WorkspaceNotices'

/** The window: header with the language switch, boards on the left, the open board on the right. */
export function App() {
  const { t } = useTranslation()
  const notify = useNotify()
  const boardId = useUiStore((s) => s.boardId)
  const loaded = useBoardStore((s) => s.loaded)
  useLiveEvents(notify.error)

  useEffect(() => {
    useBoardStore
      .getState()
      .load()
      .then(() => {
        const { boards } = useBoardStore.getState()
        if (useUiStore.getState().boardId === null && boards[0]) useUiStore.getState().selectBoard(boards[0].id)
      }, notify.error)
      .finally(() => (document.body.dataset.appState = 'ready'))
  }, [notify.error])

  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            ⟳
          </span>
          <Typography.Text strong className="brand-name">
            {t('app.title')}
          </Typography.Text>
          <Typography.Text type="secondary" className="brand-tagline">
            {t('app.tagline')}
          </Typography.Text>
        </div>
        <span className="header-actions">
          <AlertsBell />
          <SourcesButton />
          <BackupsButton />
          <AssistantButton />
          <LanguageSwitch />
        </span>
      </Layout.Header>
      <WorkspaceNotices />
      <Layout>
        <Layout.Sider width={260} theme="light" className="app-sider">
          <BoardList />
        </Layout.Sider>
        <Layout.Content className="app-content">
          {boardId !== null ? <BoardPage key={boardId} boardId={boardId} /> : loaded && <Empty className="board-empty" description={t('boards.pick')} />}
        </Layout.Content>
      </Layout>
      <AssistantDrawer />
      <ImportPrdModal />
    </Layout>
  )
}
