import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe } from 'vitest'

/** The user's reference documents: `../shared/reference` beside the repository (as in CI), or KPILOOP_REFERENCE_DIR. */
export const REFERENCE_DIR = process.env.KPILOOP_REFERENCE_DIR ?? resolve(import.meta.dirname, '../../../../shared/reference')

export const referenceFile = (name: string) => join(REFERENCE_DIR, name)

/** Reads a reference document, or '' where they are absent (the suites using it are skipped then). */
export const readReference = (name: string, read: (file: string) => string): string => (existsSync(referenceFile(name)) ? read(referenceFile(name)) : '')

/** A suite over the user's documents: where they are absent (a user's fresh clone) it is skipped with one line saying so. */
export function describeReference(name: string, suite: () => void): void {
  const present = existsSync(REFERENCE_DIR)
  if (!present) console.log(`skipped "${name}": no reference documents at ${REFERENCE_DIR} (set KPILOOP_REFERENCE_DIR to run it)`)
  describe.skipIf(!present)(name, suite)
}
