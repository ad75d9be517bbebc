// Another app writing at full speed, for the concurrency and crash tests: edits one KPI's notes
// `count` times and prints `ok N` once each edit has committed (`error N CODE` when one fails).
import { createCore } from '../core'

const [file, code, count, tag] = process.argv.slice(2) as [string, string, string, string]
const core = createCore(file, { access: 'write' })
const kpiId = core.kpis.resolve(core.boards.resolve('Growth'), code)
for (let i = 1; i <= Number(count); i++) {
  try {
    core.kpis.edit(kpiId, { notes: `${tag} ${i}` }, { actor: tag })
    process.stdout.write(`ok ${i}\n`)
  } catch (error) {
    process.stdout.write(`error ${i} ${(error as { code?: string }).code ?? ''} ${(error as Error).message}\n`)
  }
}
core.close()
