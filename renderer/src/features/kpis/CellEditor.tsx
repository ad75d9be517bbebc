import { Input, Select, type InputRef } from 'antd'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiView } from '../../../../electron/api'
import { TargetPreview } from '../../components/TargetPreview'
import { editText, type GridColumn } from './columns'

export type EditEnd = 'enter' | 'tab' | 'shift-tab' | 'blur'

interface Props {
  kpi: KpiView
  column: GridColumn
  seed: string | null
  /** Resolves true when saved; false keeps the editor open with what was typed. */
  onCommit: (text: string, how: EditEnd) => Promise<boolean>
  onCancel: () => void
}

/** The in-cell editor: a text input (with a live parse preview for targets) or a select. */
export function CellEditor({ kpi, column, seed, onCommit, onCancel }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState(seed ?? editText(kpi, column))
  const busy = useRef(false)
  const input = useRef<InputRef>(null)
  // Typing into a cell continues after the seed character, so the caret goes to the end.
  useEffect(() => input.current?.focus({ cursor: 'end' }), [])

  const commit = async (value: string, how: EditEnd) => {
    if (busy.current) return
    busy.current = true
    const saved = await onCommit(value, how)
    busy.current = saved
  }

  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation()
    if (e.nativeEvent.isComposing) return
    if (e.key === 'Escape') {
      e.preventDefault()
      busy.current = true
      onCancel()
    } else if (e.key === 'Enter' && column.editor !== 'select') {
      e.preventDefault()
      void commit(text, 'enter')
    } else if (e.key === 'Tab') {
      e.preventDefault()
      void commit(text, e.shiftKey ? 'shift-tab' : 'tab')
    }
  }

  if (column.editor === 'select') {
    return (
      <Select
        autoFocus
        defaultOpen
        size="small"
        className="cell-editor"
        value={text}
        onKeyDown={onKeyDown}
        onChange={(value: string) => {
          setText(value)
          void commit(value, 'enter')
        }}
        onBlur={() => !busy.current && onCancel()}
        options={(column.options ?? []).map((o) => ({ value: o, label: o === '' ? t('app.none') : t(`${column.optionPrefix}${o}`) }))}
        popupMatchSelectWidth={false}
      />
    )
  }
  return (
    <div className="cell-editor-wrap">
      <Input
        ref={input}
        size="small"
        className="cell-editor"
        value={text}
        aria-label={t(`field.${column.key}`)}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => void commit(text, 'blur')}
      />
      {column.editor === 'target' && (
        <div className="cell-editor-popup">
          <TargetPreview text={text} metric={kpi} />
        </div>
      )}
    </div>
  )
}
