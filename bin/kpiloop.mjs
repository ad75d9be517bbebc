#!/usr/bin/env node
// The CLI runs as built JavaScript: `npm install` (or `npm run build:node`) builds out/node from the sources.
// Under --debug a stack names the TypeScript sources (the built files are minified); reading the maps costs time otherwise.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true)
const entry = new URL('../out/node/kpiloop.js', import.meta.url)
try {
  await import(entry.href)
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('out/node/kpiloop.js')) throw error
  console.error('kpiloop is not built yet: run `npm run build:node` in the KPI Loop folder (npm install does it).')
  process.exit(1)
}
