// After `npm install`: builds the CLI and browser mode as JavaScript (out/node). Without the build tools (an
// install without dev dependencies) it says what to do instead of failing the install.
try {
  const { buildNode } = await import('./build-node.mjs')
  await buildNode()
} catch (error) {
  console.warn(`KPI Loop: the CLI was not built (${error.message.split('\n')[0]}). Run \`npm run build:node\` once the dev dependencies are installed.`)
}
