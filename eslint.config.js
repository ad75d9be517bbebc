// Lint rules, and the layers as rules: an import that points up a layer fails `npm test`.
// domain ← services (with db) ← api (contract; dispatch) ← shells (main, preload, web, cli); the renderer sees api and domain only.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const SHELLS = ['electron/main', 'electron/preload', 'electron/web', 'electron/cli']

/** `target` may not import anything under `from`. */
const layer = (target, from, message) => ({ target, from, message })

const layers = [
  layer('electron/domain', ['electron/services', 'electron/api', 'db', 'renderer', 'resources', ...SHELLS], 'domain is pure: it imports no other layer.'),
  layer('db', ['electron/services', 'electron/api', 'renderer', ...SHELLS], 'db sits under the services: it imports only domain.'),
  layer('electron/services', ['electron/api', 'renderer', ...SHELLS], 'services never import the contract, a shell or the renderer.'),
  layer('resources', ['electron/api', 'renderer', ...SHELLS], 'resources serve the services: they import no contract or shell.'),
  layer('electron/api', ['renderer', ...SHELLS], 'the contract imports no shell and no renderer code.'),
  layer(
    './electron/api/!(dispatch)/**',
    ['electron/services', 'db', 'electron/api/dispatch'],
    'the contract is what the renderer sees: types and schemas from domain, never services.'
  ),
  layer(
    './electron/api/*.ts',
    ['electron/services', 'db', 'electron/api/dispatch'],
    'the contract is what the renderer sees: types and schemas from domain, never services.'
  ),
  layer(
    'renderer',
    ['electron/services', 'electron/api/dispatch', 'db', 'resources', ...SHELLS],
    'the renderer talks to the core only through the contract (electron/api) and domain.'
  ),
  layer(
    './electron/cli/commands/!(*.test).ts',
    ['electron/services', 'db'],
    'a CLI command goes through the dispatcher (ctx.call), with the same validation, gates and audit as the app.'
  ),
  layer('electron/preload', ['electron/services', 'electron/api/dispatch', 'db', 'electron/main'], 'the preload exposes the contract and nothing else.')
]

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', '.native/', 'test-results/', 'playwright-report/', '.bench/', '.ci/reports/', 'db/migrations/', 'bin/']
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.d.ts'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: layers.flatMap(({ target, from, message }) => from.map((f) => ({ target, from: `./${f}`, message }))) }
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }]
    }
  },
  {
    // A transaction made straight on the connection would start deferred and fail when another process writes.
    files: ['electron/**/*.ts', 'resources/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'sqlite',
          property: 'transaction',
          message: 'Write through deps.transaction or core.transaction: it takes the write lock first and waits for other writers.'
        }
      ]
    }
  },
  {
    // Classic zod cost the CLI ~100M instructions at every start. Schemas are built with zod/mini through
    // electron/domain/zod, which also installs the English messages the error envelopes and repair prompts carry.
    files: ['electron/**/*.ts', 'db/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    ignores: ['electron/domain/zod.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Build schemas with electron/domain/zod (zod/mini): classic zod is slow to load.' },
            { name: 'zod/v4', message: 'Build schemas with electron/domain/zod (zod/mini): classic zod is slow to load.' },
            { name: 'zod/mini', allowTypeImports: true, message: 'Import electron/domain/zod: it sets the English messages.' }
          ]
        }
      ]
    }
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // The classic rules of hooks; the React Compiler's extra rules do not apply (the app does not use the compiler).
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  },
  prettier
)
