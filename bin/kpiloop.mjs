#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx kpiloop` needs no build step.
import { register } from 'tsx/esm/api'

register()
await import('../electron/cli/main.ts')
