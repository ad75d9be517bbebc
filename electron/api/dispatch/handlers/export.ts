import type { HandlersOf } from '../..'
import type { exportProcedures } from '../../export'
import type { Core } from '../../../services/core'
import { createExportService } from '../../../services/export/export-service'
import { commitTableImport, previewTableImport, tableFormatOf } from '../../../services/export/table-import'

/** Board exports (files and the Notion/Jira/Trello APIs), their settings, and the CSV/XLSX re-import. */
export function exportHandlers(core: Core): HandlersOf<typeof exportProcedures> {
  const exports = createExportService({ core })
  return {
    'export.file': (input) => exports.file(input),
    'export.run': (input, { actor, signal, emit }) => exports.run(input, { actor, signal, onProgress: (done, total, code) => emit({ done, total, code }) }),
    'export.config.get': ({ target }) => exports.config.get(target),
    'export.config.set': ({ target, config, secrets }, { actor }) => {
      exports.config.set(target, config, secrets, actor)
      return exports.config.get(target)
    },
    'export.config.update': ({ target, config }, { actor }) => {
      exports.config.update(target, config, actor)
      return exports.config.get(target)
    },
    'export.links': ({ boardId }) => exports.links(boardId),
    'import.table.preview': ({ boardId, fileName, base64, allowUnparsedTarget }) =>
      previewTableImport(core, boardId, Buffer.from(base64, 'base64'), tableFormatOf(fileName), fileName, { allowUnparsedTarget }),
    'import.table.commit': ({ boardId, fileName, base64, allowUnparsedTarget }, { actor }) =>
      commitTableImport(core, { boardId, data: Buffer.from(base64, 'base64'), format: tableFormatOf(fileName), fileName, actor, allowUnparsedTarget })
  }
}
