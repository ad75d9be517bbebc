export const PRD_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx']
export const TABLE_EXTENSIONS = ['.csv', '.xlsx']

/** A file's bytes as base64, read in the renderer; the core decodes and checks them. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
    reader.readAsDataURL(file)
  })
}

/**
 * The text of a UTF-8 document, kept to show the source lines of each KPI; null for .docx and
 * anything that is not clean UTF-8 (the core still reads those; only the excerpts are missing).
 */
export function textForExcerpts(bytes: Uint8Array, fileName: string): string | null {
  if (fileName.toLowerCase().endsWith('.docx') || bytes.includes(0)) return null
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

export async function readPrdFile(file: File): Promise<{ base64: string; text: string | null }> {
  const [base64, buffer] = await Promise.all([readAsBase64(file), file.arrayBuffer()])
  return { base64, text: textForExcerpts(new Uint8Array(buffer), file.name) }
}
