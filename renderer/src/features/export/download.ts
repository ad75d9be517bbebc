import type { ExportedFile } from '../../../../electron/domain/export'
import { base64ToBytes } from './export-settings'

/** Saves files the core built: a Blob behind an object URL and a link with `download`, then released. */
export function downloadFiles(files: readonly ExportedFile[]): void {
  for (const file of files) {
    const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: file.mime }))
    const link = document.createElement('a')
    link.href = url
    link.download = file.name
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
