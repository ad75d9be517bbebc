import EllipsisOutlined from '@ant-design/icons/EllipsisOutlined'
import FileTextOutlined from '@ant-design/icons/FileTextOutlined'
import TableOutlined from '@ant-design/icons/TableOutlined'
import { Button, Popover } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoardStore } from '../boards/useBoardStore'
import { useImportStore } from '../import/useImportStore'
import { useTableImportStore } from '../import/useTableImportStore'
import { useUiStore } from '../ui/useUiStore'

/** Less used board actions behind "More"; clicking one closes the menu. Its buttons stay mounted, so their dialogs do too. */
export function MoreActions({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const boardId = useUiStore((s) => s.boardId)
  const board = useBoardStore((s) => s.boards.find((b) => b.id === boardId))
  const content = (
    <div className="more-actions" role="menu" aria-label={t('more.label')} onClick={() => setOpen(false)} data-testid="more-actions-panel">
      {children}
      {board && (
        <>
          <Button icon={<FileTextOutlined />} onClick={() => useImportStore.getState().start({ id: board.id, name: board.name })} data-testid="import-prd">
            {t('import.prd')}
          </Button>
          <Button icon={<TableOutlined />} onClick={() => useTableImportStore.getState().start(board.id)} data-testid="import-table">
            {t('import.table')}
          </Button>
        </>
      )}
    </div>
  )
  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content}>
      <Button icon={<EllipsisOutlined />} data-testid="more-actions" aria-haspopup="menu" aria-expanded={open}>
        {t('more.button')}
      </Button>
    </Popover>
  )
}
