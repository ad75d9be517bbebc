// Builds the Node shells as plain JavaScript (out/node): the `kpiloop` CLI and browser mode, so neither compiles
// TypeScript when it starts. One bundle with shared chunks; a heavy module behind an `import()` becomes its own
// chunk, loaded only by the command that needs it. Native modules stay in node_modules.
import { build } from 'esbuild'
import { readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'out', 'node')

/** zod re-exports the messages of every language it knows (1.6 MB of source); the app uses only its English defaults. */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(join('node_modules', 'zod')) ? { path: 'zod-locales', namespace: 'zod-english-only', pluginData: args.resolveDir } : undefined
    )
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from './en.js'",
      resolveDir: join(args.pluginData, '..', 'locales'),
      loader: 'js'
    }))
  }
}

/**
 * The app builds its schemas with zod/mini; only a dependency (jira.js) imports classic `zod`. esbuild puts a file in
 * the chunk of every entry that reaches it, with all the code any of them uses: zod's core, shared by both, carried
 * classic zod's parts into the chunk every command loads (~40M instructions at each CLI start). Classic zod gets its
 * own copy of its files, loaded only with the module that imports it.
 */
const classicZodApart = {
  name: 'classic-zod-apart',
  setup(build) {
    const zodRoot = join(root, 'node_modules', 'zod')
    build.onResolve({ filter: /^zod$/ }, () => ({ path: join(zodRoot, 'index.js'), namespace: 'classic-zod' }))
    build.onResolve({ filter: /^\./, namespace: 'classic-zod' }, (args) => ({ path: join(args.resolveDir, args.path), namespace: 'classic-zod' }))
    build.onLoad({ filter: /.*/, namespace: 'classic-zod' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      resolveDir: dirname(args.path),
      loader: 'js'
    }))
  }
}

export async function buildNode() {
  rmSync(outdir, { recursive: true, force: true })
  await build({
    absWorkingDir: root,
    entryPoints: { kpiloop: 'electron/cli/main.ts', web: 'electron/web/start.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    // Native addons load their .node files relative to their own package; optional drivers may be absent.
    external: ['better-sqlite3', 'sqlite3', '@duckdb/node-api', 'pg-native', 'electron'],
    // Bundled CommonJS packages call require() and read __dirname.
    banner: {
      js: "import { createRequire as __kpiloopRequire } from 'node:module'; import { fileURLToPath as __kpiloopPath } from 'node:url'; const require = __kpiloopRequire(import.meta.url); const __filename = __kpiloopPath(import.meta.url); const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));"
    },
    plugins: [zodEnglishOnly, classicZodApart],
    // Whitespace and syntax only: names stay readable in a --debug stack, which the source maps (read only under
    // --debug) map back to the TypeScript. Less to read and decode at every start.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none'
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildNode()
