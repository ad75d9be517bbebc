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

export async function readPrdFile(file: File): Promise<{ base64: string }> {
  return { base64: await readAsBase64(file) }
}
