import type { Page } from '@playwright/test'

/** The assistant drawer: settings, prompt templates, the request preview and review sessions. */
export function assistantPage(page: Page) {
  const drawer = page.locator('.assistant-drawer')
  return {
    open: page.getByTestId('open-assistant'),
    drawer,
    close: drawer.locator('.ant-drawer-close'),
    settingsTab: page.getByTestId('assistant-tab-settings'),
    templatesTab: page.getByTestId('assistant-tab-templates'),
    previewTab: page.getByTestId('assistant-tab-preview'),
    sessionsTab: page.getByTestId('assistant-tab-sessions'),
    status: page.getByTestId('assistant-status'),
    preset: page.getByTestId('assistant-preset'),
    presetOption: (label: string) => page.locator(`.ant-select-item-option[title="${label}"]`),
    baseURL: page.getByTestId('assistant-base-url'),
    model: page.getByTestId('assistant-model'),
    apiKey: page.getByTestId('assistant-api-key'),
    keyState: page.getByTestId('assistant-key-state'),
    save: page.getByTestId('assistant-save'),
    test: page.getByTestId('assistant-test'),
    testResult: page.getByTestId('assistant-test-result'),
    templateStage: (label: string) => page.getByTestId('template-stage').getByText(label, { exact: true }),
    templateLocale: (label: string) => page.getByTestId('template-locale').getByText(label, { exact: true }),
    templateBody: page.getByTestId('template-body'),
    templateState: page.getByTestId('template-state'),
    templateSave: page.getByTestId('template-save'),
    templateReset: page.getByTestId('template-reset'),
    confirmOk: page.locator('.ant-popconfirm .ant-btn-primary'),
    templateHistory: page.getByTestId('template-history').locator('.ant-list-item'),
    templateVersion: page.getByTestId('template-version'),
    versionModalClose: page.locator('.ant-modal:visible .ant-modal-footer .ant-btn').first(),
    previewRequests: page.getByTestId('preview-request'),
    sessionRows: page.locator('[data-testid="session-list"] tr[data-session-id]'),
    sessionView: page.getByTestId('session-view'),
    sessionUsage: page.getByTestId('session-usage'),
    messages: page.getByTestId('session-message'),
    streamingMessage: page.locator('[data-testid="session-message"][data-streaming="true"]'),
    chatInput: page.getByTestId('chat-input'),
    chatSend: page.getByTestId('chat-send'),
    chatCancel: page.getByTestId('chat-cancel'),
    chatCancelled: page.getByTestId('chat-cancelled')
  }
}
