import { parseTarget } from '../electron/domain/target/parse-target'
import { report, timeMs } from './harness'

const TARGETS = ['≥ 60%', 'P95 ≤ 500ms', '75% ± 10%', '≥ 4.2/5.0', '≤ $50/月', '1000+', '6个月内达到1,000 MAU', '≤ 8小时', '0个高危漏洞', '每月增长20%']
const COUNT = 10_000

/** Target parsing (typed in the editor, imported by the thousand) against a regex that only finds the first number. */
export function targetBench(): boolean {
  const inputs = Array.from({ length: COUNT }, (_, i) => TARGETS[i % TARGETS.length]!)
  let sink = 0
  const raw = timeMs(() => {
    for (const text of inputs) sink += Number(/\d+(?:\.\d+)?/.exec(text.normalize('NFKC'))?.[0] ?? 0)
  })
  const parse = timeMs(() => {
    for (const text of inputs) sink += parseTarget(text).parsed?.value ?? 0
  })
  if (Number.isNaN(sink)) console.log('unreachable')
  return report(`Targets: parsing ${COUNT.toLocaleString('en')} typed targets`, [
    {
      name: 'parseTarget',
      value: `${parse.toFixed(0)} ms (${(parse / raw).toFixed(1)}× a first-number regex, ${raw.toFixed(1)} ms)`,
      ok: parse < 500,
      goal: '< 500 ms'
    }
  ])
}
