import { join, resolve } from 'node:path'

/** The user's reference documents: `../shared/reference` beside the repository (as in CI). */
export const REFERENCE_DIR = process.env.KPILOOP_REFERENCE_DIR ?? resolve(import.meta.dirname, '../../../../shared/reference')

export const referenceFile = (name: string) => join(REFERENCE_DIR, name)
