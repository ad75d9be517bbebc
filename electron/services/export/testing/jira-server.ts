import { HttpReply, check, isRecord, startTestServer, type TestRequest, type TestServer } from './http-server'

/** Jira Cloud REST API v3 issues as documented: Basic auth, JSON bodies, ADF descriptions. */
export interface FakeIssue {
  id: string
  key: string
  fields: { summary: string; description: unknown; labels: string[]; issuetype: unknown; project: unknown }
}

export interface FakeComment {
  id: string
  issueKey: string
  body: unknown
}

export interface JiraTestServer extends TestServer {
  issues: Map<string, FakeIssue>
  comments: FakeComment[]
}

const ISSUE_TYPES = ['Task', 'Story', 'Epic', 'Bug']
const INLINE = ['text', 'hardBreak']
const BLOCKS = ['paragraph', 'codeBlock', 'heading', 'bulletList', 'listItem', 'table', 'tableRow', 'tableHeader', 'tableCell']
// What each table node may hold (ADF: a table holds rows, a row holds cells, a cell holds block nodes).
const TABLE_CHILDREN: Record<string, string[]> = { table: ['tableRow'], tableRow: ['tableHeader', 'tableCell'] }
const MARKS = ['strong', 'em', 'code']

function checkAdf(node: unknown, where: string): void {
  check(isRecord(node) && typeof node.type === 'string', `${where}: ADF node without a type`)
  if (node.type === 'text') {
    check(typeof node.text === 'string' && node.text.length > 0, `${where}: ADF text nodes must hold non-empty text`)
    if (node.marks !== undefined) {
      check(Array.isArray(node.marks) && node.marks.every((m) => isRecord(m) && MARKS.includes(m.type as string)), `${where}: unknown ADF mark`)
    }
    return
  }
  if (node.type === 'hardBreak') return
  check(BLOCKS.includes(node.type), `${where}: unsupported ADF node ${node.type}`)
  if (node.content === undefined) return
  check(Array.isArray(node.content), `${where}: ADF content must be an array`)
  for (const child of node.content) {
    if (node.type === 'paragraph' || node.type === 'heading')
      check(isRecord(child) && INLINE.includes(child.type as string), `${where}: paragraphs hold inline nodes only`)
    const allowed = TABLE_CHILDREN[node.type]
    if (allowed) check(isRecord(child) && allowed.includes(child.type as string), `${where}: a ${node.type} holds only ${allowed.join(', ')}`)
    if (node.type === 'codeBlock') check(isRecord(child) && child.type === 'text' && child.marks === undefined, `${where}: code blocks hold unmarked text only`)
    checkAdf(child, `${where}.${node.type}`)
  }
}

function checkDoc(doc: unknown): void {
  check(
    isRecord(doc) && doc.type === 'doc' && doc.version === 1 && Array.isArray(doc.content),
    'description must be an ADF document { type: "doc", version: 1, content }'
  )
  for (const block of doc.content as unknown[]) {
    check(isRecord(block) && BLOCKS.includes(block.type as string), 'top-level ADF content must be block nodes')
    checkAdf(block, 'description')
  }
}

function checkFields(fields: unknown, creating: boolean): Record<string, unknown> {
  check(isRecord(fields), 'fields must be an object')
  if (creating || fields.summary !== undefined) {
    check(typeof fields.summary === 'string' && fields.summary.trim() !== '', 'summary is required')
    check(fields.summary.length <= 255 && !/[\r\n]/.test(fields.summary), 'summary must be one line of at most 255 characters')
  }
  if (fields.description !== undefined) checkDoc(fields.description)
  if (fields.labels !== undefined) {
    check(Array.isArray(fields.labels), 'labels must be an array')
    for (const label of fields.labels) check(typeof label === 'string' && !/\s/.test(label) && label.length <= 255, `label "${String(label)}" contains spaces`)
  }
  return fields
}

const reply = (status: number, errorMessages: string[], errors: Record<string, string> = {}): HttpReply =>
  new HttpReply({ status, body: { errorMessages, errors } })

export async function startJiraServer({ email, token, projects }: { email: string; token: string; projects: string[] }): Promise<JiraTestServer> {
  const issues = new Map<string, FakeIssue>()
  const comments: FakeComment[] = []
  let nextId = 10000
  const counters = new Map<string, number>()
  const find = (idOrKey: string): FakeIssue => {
    const issue = issues.get(idOrKey) ?? [...issues.values()].find((i) => i.key === idOrKey)
    if (!issue) throw reply(404, ['Issue does not exist or you do not have permission to see it.'])
    return issue
  }
  const expected = `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`
  const guard = (request: TestRequest) => {
    if (request.headers.authorization !== expected) {
      return { status: 401, body: 'Client must be authenticated to access this resource.' }
    }
    if ((request.method === 'POST' || request.method === 'PUT') && !String(request.headers['content-type']).startsWith('application/json')) {
      return { status: 415, body: { errorMessages: ['Unsupported media type: send application/json.'], errors: {} } }
    }
    return undefined
  }
  const server = await startTestServer(
    [
      {
        method: 'POST',
        path: /^\/rest\/api\/3\/issue$/,
        handle: ({ body }) => {
          check(isRecord(body), 'body must be an object')
          const fields = checkFields(body.fields, true)
          const project = fields.project
          check(isRecord(project) && typeof project.key === 'string', 'fields.project.key is required')
          if (!projects.includes(project.key)) throw reply(400, [], { project: 'valid project is required' })
          check(isRecord(fields.issuetype) && typeof fields.issuetype.name === 'string', 'fields.issuetype.name is required')
          if (!ISSUE_TYPES.includes(fields.issuetype.name)) throw reply(400, [], { issuetype: 'Specify a valid issue type' })
          const id = String(++nextId)
          const number = (counters.get(project.key) ?? 0) + 1
          counters.set(project.key, number)
          const issue: FakeIssue = { id, key: `${project.key}-${number}`, fields: fields as FakeIssue['fields'] }
          issues.set(id, issue)
          return { status: 201, body: { id, key: issue.key, self: `${server.url}/rest/api/3/issue/${id}` } }
        }
      },
      {
        method: 'POST',
        path: /^\/rest\/api\/3\/issue\/([\w-]+)\/comment$/,
        handle: ({ body }, [idOrKey]) => {
          const issue = find(idOrKey!)
          check(isRecord(body), 'body must be an object')
          checkDoc(body.body)
          const id = String(++nextId)
          comments.push({ id, issueKey: issue.key, body: body.body })
          return { status: 201, body: { id, self: `${server.url}/rest/api/3/issue/${issue.id}/comment/${id}`, body: body.body } }
        }
      },
      {
        method: 'PUT',
        path: /^\/rest\/api\/3\/issue\/([\w-]+)$/,
        handle: ({ body }, [idOrKey]) => {
          const issue = find(idOrKey!)
          check(isRecord(body), 'body must be an object')
          Object.assign(issue.fields, checkFields(body.fields, false))
          return { status: 204 }
        }
      }
    ],
    guard
  )
  return { ...server, issues, comments }
}
