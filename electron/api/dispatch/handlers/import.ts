import type { HandlersOf } from '../..'
import type { importProcedures } from '../../import'
import type { Core } from '../../../services/core'
import { createPrdImportService } from '../../../services/prd-import/prd-import-service'

const bytes = (content: { base64: string } | { text: string }) =>
  'base64' in content ? Buffer.from(content.base64, 'base64') : Buffer.from(content.text, 'utf8')

export function importHandlers(core: Core): HandlersOf<typeof importProcedures> {
  const prd = createPrdImportService(core)
  return {
    'import.prd.preview': ({ boardId, fileName, content, assistant }, { signal }) =>
      prd.preview({ boardId, fileName, data: bytes(content), assistant, signal }),
    'import.prd.commit': (input, { actor }) => prd.commit(input, actor)
  }
}
