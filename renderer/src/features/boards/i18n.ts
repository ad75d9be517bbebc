// Strings of the board settings dialog (the board's language).
export const boardSettingsI18n = {
  en: {
    boardSettings: {
      open: 'Settings',
      title: 'Board settings: {{name}}',
      language: 'Board language',
      languageHelp: 'The stage prompts sent to the assistant, the launch notice and the analyzer’s findings are written in it.',
      inferred: 'Not chosen yet: read from its KPIs ({{language}}).',
      languages: { 'zh-CN': '简体中文 (Chinese)', en: 'English' },
      saved: 'Board settings saved'
    }
  },
  zhCN: {
    boardSettings: {
      open: '设置',
      title: '看板设置：{{name}}',
      language: '看板语言',
      languageHelp: '发给助手的阶段提示词、上线通知和分析器的结论都用这种语言书写。',
      inferred: '尚未设置：根据指标内容推断（{{language}}）。',
      languages: { 'zh-CN': '简体中文', en: '英文（English）' },
      saved: '看板设置已保存'
    }
  }
}
