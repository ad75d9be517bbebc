import FileTextOutlined from '@ant-design/icons/FileTextOutlined'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useImportStore } from './useImportStore'

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
