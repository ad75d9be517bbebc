/** A message as the user reads it: a JSON answer indented, anything else untouched (it is rendered as text, never HTML). */
export function messageText(content: string): string {
  const trimmed = content.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return content
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2)
  } catch {
    return content
  }
}
