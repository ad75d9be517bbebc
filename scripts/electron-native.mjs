// Prepares what the desktop app needs before `npm start` / `npm run dev`: Electron's binary (downloaded on
// first use, as `npm install` skips Electron's own download) and better-sqlite3 built for Electron's ABI in
// .native/electron, leaving node_modules' Node build untouched so `npm test` and the CLI keep working.
// Each failure is one sentence saying what is missing and what to do; the tools' output goes to a log file.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const root = join(dirname(new URL(import.meta.url).pathname), '..')
const electronDir = dirname(require.resolve('electron/package.json'))
const electronVersion = require('electron/package.json').version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = require('better-sqlite3/package.json').version
const outDir = join(root, '.native', 'electron')
const log = join(root, '.native', 'prepare.log')
const stamp = join(outDir, 'version.txt')
const wanted = `electron ${electronVersion} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}`

mkdirSync(dirname(log), { recursive: true })
writeFileSync(log, '')

function fail(sentence) {
  console.error(`${sentence} (Details: ${log}.) Browser mode needs neither: npm run web`)
  process.exit(1)
}

function run(cmd, args, options) {
  const output = execFileSync(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  writeFileSync(log, output, { flag: 'a' })
}

const logged = (error) => writeFileSync(log, `${error.stdout ?? ''}${error.stderr ?? ''}${error.message}\n`, { flag: 'a' })

if (!existsSync(join(electronDir, 'dist'))) {
  console.log(`Downloading Electron ${electronVersion} (first start only) …`)
  try {
    run(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } })
  } catch (error) {
    logged(error)
    fail(`Electron ${electronVersion} could not be downloaded: connect to the internet once and run npm start again.`)
  }
}

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(join(outDir, 'better_sqlite3.node'))) process.exit(0)

const work = join(root, '.native', 'build', 'better-sqlite3')
rmSync(work, { recursive: true, force: true })
cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join(sqliteDir, 'build')}`) })
// A user-level `nodedir` (Node's own headers) must not leak into a build for Electron.
const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron', npm_config_target: electronVersion }

console.log(`Preparing SQLite for Electron ${electronVersion} …`)
try {
  const prebuild = require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] })
  run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], { cwd: work, env })
} catch (error) {
  logged(error)
  console.log('No prebuilt SQLite for this Electron; compiling it …')
  try {
    const gyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js')
    run(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], {
      cwd: work,
      env
    })
  } catch (buildError) {
    logged(buildError)
    fail(
      'SQLite could not be prepared for Electron: it needs the internet once, or Python 3 and a C++ compiler (build-essential, Xcode tools or Visual Studio Build Tools).'
    )
  }
}
mkdirSync(outDir, { recursive: true })
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(outDir, 'better_sqlite3.node'))
writeFileSync(stamp, wanted)
rmSync(join(root, '.native', 'build'), { recursive: true, force: true })
console.log('SQLite for Electron ready.')
