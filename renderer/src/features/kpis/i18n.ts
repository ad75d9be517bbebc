/** Strings of the board grid's columns (chooser, resizing), the toolbar's filter popover and its overflow menu. */
export const boardGridI18n = {
  en: {
    columns: {
      button: 'Columns',
      title: 'Columns of this board',
      frozen: 'Always shown, frozen at the left',
      moveUp: 'Move {{column}} left',
      moveDown: 'Move {{column}} right',
      reset: 'Reset columns',
      resize: 'Drag to resize {{column}}',
      hint: 'Drag the right edge of a header to change its width. Kept for this board.',
      attainment: 'Attainment'
    },
    more: { button: 'More', label: 'More board actions' },
    filters: { button: 'Filter & group' }
  },
  zhCN: {
    columns: {
      button: '列',
      title: '此看板的列',
      frozen: '始终显示，固定在左侧',
      moveUp: '将“{{column}}”左移',
      moveDown: '将“{{column}}”右移',
      reset: '重置列',
      resize: '拖动以调整“{{column}}”的宽度',
      hint: '拖动表头右边缘可调整列宽。此看板会记住你的设置。',
      attainment: '达成率'
    },
    more: { button: '更多', label: '更多看板操作' },
    filters: { button: '筛选与分组' }
  }
}
