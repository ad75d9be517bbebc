import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../domain/errors'
import { shorten } from '../../domain/number'

/** What one call may carry (the contract's base64 limit); the services refuse smaller files they cannot take, with their own reasons. */
const MAX_SEND_BYTES = 20 * 1024 * 1024

/** A file named on the command line, as the base64 the import procedures take. */
export function readInputFile(file: string): { fileName: string; base64: string } {
  return { fileName: basename(file), base64: readLocalFile(file).toString('base64') }
}

/** A file's bytes; a missing file, a folder or a file without read permission is a coded error, never a raw ENOENT. */
export function readLocalFile(file: string): Buffer {
  try {
    const size = statSync(file).size
    if (size > MAX_SEND_BYTES)
      throw new AppError('IMPORT_TOO_LARGE', `${basename(file)} is ${(size / 1048576).toFixed(1)} MB; KPI Loop imports files of at most 20 MB.`)
    return readFileSync(file)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw unreadable(error, file)
  }
}

/** What went wrong reading a local file, in words, with the path (shortened). */
export function unreadable(error: unknown, file: string): AppError {
  const code = (error as { code?: string }).code
  const why =
    code === 'ENOENT'
      ? 'does not exist'
      : code === 'EISDIR'
        ? 'is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be read (permission denied)'
          : 'cannot be read'
  return new AppError('FILE_UNREADABLE', `${shorten(file, 120)} ${why}.`, { reason: code ?? 'unknown' })
}
