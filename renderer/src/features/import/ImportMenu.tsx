import FileTextOutlined from '@ant-design/icons/FileTextOutlined'
import ImportOutlined from '@ant-design/icons/ImportOutlined'
import TableOutlined from '@ant-design/icons/TableOutlined'
import { Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { useBoardStore } from '../boards/useBoardStore'
import { useUiStore } from '../ui/useUiStore'
import { useTableImportStore } from './useTableImportStore'
import { useImportStore } from './useImportStore'

/** The toolbar's "Import" menu: a PRD into this board, or an edited board table. */
export function ImportMenu() {
  const { t } = useTranslation()
  const boardId = useUiStore((s) => s.boardId)
  const board = useBoardStore((s) => s.boards.find((b) => b.id === boardId))
  if (!board) return null
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'prd',
            icon: <FileTextOutlined />,
            label: <span data-testid="import-prd">{t('import.prd')}</span>,
            onClick: () => useImportStore.getState().start({ id: board.id, name: board.name })
          },
          {
            key: 'table',
            icon: <TableOutlined />,
            label: <span data-testid="import-table">{t('import.table')}</span>,
            onClick: () => useTableImportStore.getState().start(board.id)
          }
        ]
      }}
    >
      <Button icon={<ImportOutlined />} data-testid="import-menu">
        {t('import.menu')}
      </Button>
    </Dropdown>
  )
}

/** "Import PRD" on the board list (into a new board) or an empty board (into it, or a new one). */
export function ImportPrdButton({
  size,
  type,
  board = null,
  className
}: {
  size?: 'small' | 'middle'
  type?: 'default' | 'primary'
  board?: { id: number; name: string } | null
  className?: string
}) {
  const { t } = useTranslation()
  return (
    <Button
      size={size}
      type={type}
      className={className}
      icon={<FileTextOutlined />}
      onClick={() => useImportStore.getState().start(board)}
      data-testid={board ? 'import-prd-here' : 'import-prd-new'}
    >
      {t('import.prd')}
    </Button>
  )
}
