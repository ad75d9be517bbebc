// Builds better-sqlite3 for Electron's ABI into .native/electron, leaving node_modules' Node build
// untouched so `npm test` and the CLI keep working. Run by `npm start` / `npm run dev`.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const root = join(dirname(new URL(import.meta.url).pathname), '..')
const electronVersion = require('electron/package.json').version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = require('better-sqlite3/package.json').version
const outDir = join(root, '.native', 'electron')
const stamp = join(outDir, 'version.txt')
const wanted = `electron ${electronVersion} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}`

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(join(outDir, 'better_sqlite3.node'))) process.exit(0)

const work = join(root, '.native', 'build', 'better-sqlite3')
rmSync(work, { recursive: true, force: true })
cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join(sqliteDir, 'build')}`) })
// A user-level `nodedir` (Node's own headers) must not leak into a build for Electron.
const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron', npm_config_target: electronVersion }
const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, env, stdio: 'inherit' })

console.log(`Preparing SQLite for Electron ${electronVersion} …`)
try {
  run(process.execPath, [
    require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] }),
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch
  ])
} catch {
  console.log('No prebuilt module; compiling from source with node-gyp …')
  try {
    const gyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js')
    run(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'])
  } catch {
    console.error('Could not build better-sqlite3 for Electron (needs internet once, or a C++ toolchain with Electron headers).')
    process.exit(1)
  }
}
mkdirSync(outDir, { recursive: true })
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(outDir, 'better_sqlite3.node'))
writeFileSync(stamp, wanted)
rmSync(join(root, '.native', 'build'), { recursive: true, force: true })
console.log('SQLite for Electron ready.')
