const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool'])
const SCHEMA_NAME = /^[a-zA-Z0-9_-]{1,64}$/

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function messageText(message: Json): string {
  const { content } = message
  if (typeof content === 'string') return content
  if (Array.isArray(content)) return content.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join('')
  return ''
}

function validateMessages(messages: unknown): string | undefined {
  if (!Array.isArray(messages) || messages.length === 0) return "'messages' must be a non-empty array."
  for (const [index, message] of messages.entries()) {
    if (!isObject(message)) return `'messages.${index}' must be an object.`
    if (typeof message.role !== 'string' || !ROLES.has(message.role)) return `Invalid value for 'messages.${index}.role'.`
    if (typeof message.content !== 'string' && !Array.isArray(message.content)) return `'messages.${index}.content' must be a string or an array of parts.`
  }
  return undefined
}

function validateResponseFormat(format: unknown, messages: Json[]): string | undefined {
  if (format === undefined) return undefined
  if (!isObject(format)) return "'response_format' must be an object."
  if (format.type === 'text') return undefined
  if (format.type === 'json_object') {
    // The real API refuses JSON mode unless the conversation mentions JSON.
    const mentionsJson = messages.some((message) => /json/i.test(messageText(message)))
    return mentionsJson ? undefined : "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'."
  }
  if (format.type === 'json_schema') {
    const spec = format.json_schema
    if (!isObject(spec)) return "Missing required parameter: 'response_format.json_schema'."
    if (typeof spec.name !== 'string' || !SCHEMA_NAME.test(spec.name))
      return "Invalid 'response_format.json_schema.name': letters, digits, '_' and '-' only, at most 64."
    if (!isObject(spec.schema)) return "Invalid 'response_format.json_schema.schema': must be a JSON schema object."
    if (spec.strict === true && spec.schema.additionalProperties !== false)
      return "Invalid schema for response_format: 'additionalProperties' is required to be false in strict mode."
    return undefined
  }
  return `Invalid value for 'response_format.type': ${String(format.type)}.`
}

/** Checks a request the way the Chat Completions API does; returns the error message or undefined. */
export function validateChatRequest(body: unknown): string | undefined {
  if (!isObject(body)) return 'The request body must be a JSON object.'
  if (typeof body.model !== 'string' || body.model.length === 0) return "Missing required parameter: 'model'."
  const invalidMessages = validateMessages(body.messages)
  if (invalidMessages) return invalidMessages
  if (body.stream_options !== undefined && body.stream !== true) return "The 'stream_options' parameter is only allowed when 'stream' is enabled."
  return validateResponseFormat(body.response_format, body.messages as Json[])
}
