import type { HandlersOf } from '../..'
import type { assistantProcedures } from '../../assistant'
import type { Core } from '../../../services/core'
import { createAssistant, type AssistantOptions } from '../../../services/assistant'

/** LLM settings, prompt templates, and review sessions of either engine. */
export function assistantHandlers(core: Core, options: AssistantOptions = {}): HandlersOf<typeof assistantProcedures> {
  const assistant = createAssistant(core, options)
  return {
    'llm.settings.get': () => assistant.settings.get(),
    'llm.settings.set': (patch, { actor }) => assistant.settings.set(patch, actor),
    'llm.presets': () => assistant.presets(),
    'llm.test': ({ draft }, { signal }) => assistant.test(draft, signal),
    'llm.preview': (selection, { signal }) => assistant.preview(selection, signal),
    'prompt.list': ({ locale }) => assistant.templates.list(locale),
    'prompt.get': ({ name, locale }) => assistant.templates.get(name, locale),
    'prompt.save': ({ name, locale, body }, { actor }) => assistant.templates.save(name, body, actor, locale),
    'prompt.reset': ({ name, locale }, { actor }) => assistant.templates.reset(name, actor, locale),
    'review.run': (request, { signal, emit }) => assistant.run(request, { signal, emit }),
    'review.chat': (request, { signal, emit }) => assistant.chat(request, { signal, emit }),
    'review.sessions': ({ boardId }) => assistant.sessions.list(boardId),
    'review.session': ({ id }) => assistant.sessions.get(id)
  }
}
