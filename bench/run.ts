import { analyzerBench } from './analyzer.bench'
import { backfillBench } from './backfill.bench'
import { boardSortBench } from './board-sort.bench'
import { cliBench } from './cli.bench'
import { durabilityBench } from './durability.bench'
import { importBench } from './import.bench'
import { pullBench } from './pull.bench'
import { seriesBench } from './series.bench'
import { targetBench } from './target.bench'
import { workspaceBench } from './workspace.bench'

// `npm run bench`: every benchmark prints its ratio against a raw baseline measured in the same run.
const benches: [string, () => boolean | Promise<boolean>][] = [
  ['workspace', workspaceBench],
  ['durability', durabilityBench],
  ['import', importBench],
  ['analyzer', analyzerBench],
  ['pull', pullBench],
  ['backfill', backfillBench],
  ['target', targetBench],
  ['board-sort', boardSortBench],
  ['series', seriesBench],
  ['cli', cliBench]
]
const only = process.argv[2]
let ok = true
for (const [name, bench] of benches) {
  if (only && name !== only) continue
  ok = (await bench()) && ok
}
process.exitCode = ok ? 0 : 1
