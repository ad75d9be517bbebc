import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BIG_INPUTS } from './inputs'

/*
 * `npm run fuzz [filter]`: the big hostile inputs (generated here, never committed), each imported in its own
 * child process; prints time and peak memory against the goal (10 s, 512 MB). The timeout only detects a hang.
 */
const GOAL_MS = 10_000
const GOAL_MB = 512
const HANG_MS = 120_000
const filter = process.argv[2]?.toLowerCase()
const dir = mkdtempSync(join(tmpdir(), 'kpiloop-fuzz-'))

interface Measured {
  outcome: string
  ms: number
  peakMb: number
  baselineMb: number
}

function runChild(args: string[]): Promise<Measured | string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (b: Buffer) => (out += b))
    child.stderr.on('data', (b: Buffer) => (err += b))
    const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (signal === 'SIGKILL') return resolve(`HUNG (killed after ${HANG_MS / 1000} s)`)
      try {
        resolve(JSON.parse(out) as Measured)
      } catch {
        resolve(`CRASHED (exit ${code}): ${err.trim().split('\n').pop()?.slice(0, 80) ?? ''}`)
      }
    })
  })
}

const rows: string[][] = []
let within = true
try {
  for (const input of BIG_INPUTS) {
    if (filter && !input.name.toLowerCase().includes(filter)) continue
    const bytes = await input.make()
    const path = join(dir, input.fileName)
    writeFileSync(path, bytes)
    const result = await runChild([input.importer, input.fileName, path])
    rmSync(path)
    const size = `${(bytes.length / 1048576).toFixed(1)} MB`
    if (typeof result === 'string') {
      within = false
      rows.push([input.name, size, '-', '-', result])
    } else {
      const ok = result.ms <= GOAL_MS && result.peakMb <= GOAL_MB && !result.outcome.startsWith('RAW')
      within &&= ok
      rows.push([input.name, size, `${(result.ms / 1000).toFixed(2)} s`, `${Math.round(result.peakMb)} MB`, `${ok ? '' : '✗ '}${result.outcome}`])
    }
    console.error(rows.at(-1)!.join(' | '))
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const header = ['input', 'file', 'time', 'peak RSS', 'outcome']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${rows.map(line).join('\n')}`)
console.log(
  `\nGoal: each input within ${GOAL_MS / 1000} s and ${GOAL_MB} MB (peak RSS of its process, Node and tsx included). ${within ? 'All within.' : 'Some are not (✗).'}`
)
