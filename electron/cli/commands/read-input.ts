import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../domain/errors'

/** What one call may carry (the contract's base64 limit); the services refuse smaller files they cannot take, with their own reasons. */
const MAX_SEND_BYTES = 20 * 1024 * 1024

/** A file named on the command line, as the base64 the import procedures take. */
export function readInputFile(file: string): { fileName: string; base64: string } {
  const size = statSync(file).size
  if (size > MAX_SEND_BYTES)
    throw new AppError('IMPORT_TOO_LARGE', `${basename(file)} is ${(size / 1048576).toFixed(1)} MB; KPI Loop imports files of at most 20 MB.`)
  return { fileName: basename(file), base64: readFileSync(file).toString('base64') }
}
