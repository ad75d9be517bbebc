import { Input, Modal } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Edits one candidate's formula (SQL or prose) in a larger box than a table cell allows. */
export function FormulaModal({
  code,
  formula,
  onSave,
  onClose
}: {
  code: string | null
  formula: string
  onSave: (formula: string) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [value, setValue] = useState(formula)
  useEffect(() => setValue(formula), [formula, code])
  return (
    <Modal
      open={code !== null}
      title={t('import.formulaTitle', { code })}
      okText={t('app.ok')}
      cancelText={t('app.cancel')}
      onOk={() => {
        onSave(value)
        onClose()
      }}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Input.TextArea
        className="mono"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 20 }}
        data-testid="formula-editor"
      />
    </Modal>
  )
}
