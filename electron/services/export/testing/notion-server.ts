import { randomUUID } from 'node:crypto'
import { HttpReply, check, isRecord, startTestServer, type TestRequest, type TestServer } from './http-server'

/** Notion API 2025-09-03 as documented: databases hold data sources, pages live under a data source. */
export const NOTION_VERSION = '2025-09-03'
const PROPERTY_TYPES = ['title', 'rich_text', 'number', 'select']

interface FakeDataSource {
  id: string
  databaseId: string
  properties: Map<string, { id: string; name: string; type: string }>
}
export interface FakePage {
  id: string
  dataSourceId: string
  properties: Record<string, unknown>
  in_trash: boolean
}

/** A page created under another page (not in a database): its title and its blocks' plain text. */
export interface FakeChildPage {
  id: string
  parentPageId: string
  title: string
  paragraphs: string[]
  /** Each table's rows of cell text, the header row first. */
  tables: string[][][]
}

export interface NotionTestServer extends TestServer {
  pages: Map<string, FakePage>
  childPages: Map<string, FakeChildPage>
  dataSources: Map<string, FakeDataSource>
  /** Text of a title/rich_text property or the number/select value of a page. */
  value(page: FakePage, name: string): unknown
}

const notionError = (status: number, code: string, message: string): HttpReply =>
  new HttpReply({ status, body: { object: 'error', status, code, message, request_id: randomUUID() } })

const url = (id: string): string => `https://www.notion.so/${id.replace(/-/g, '')}`

function checkRichText(value: unknown, where: string): void {
  check(Array.isArray(value), `${where} must be an array of rich text`)
  check(value.length <= 100, `${where} has ${value.length} rich text items (limit 100)`)
  for (const item of value) {
    check(isRecord(item) && (item.type === undefined || item.type === 'text') && isRecord(item.text), `${where} item must be a text item`)
    const content = item.text.content
    check(typeof content === 'string', `${where} text.content must be a string`)
    check(content.length <= 2000, `${where} text.content is ${content.length} characters (limit 2000)`)
  }
}

function checkPropertyValues(source: FakeDataSource, properties: unknown): Record<string, unknown> {
  check(isRecord(properties), 'properties must be an object')
  for (const [name, value] of Object.entries(properties)) {
    const schema = source.properties.get(name)
    if (!schema) throw notionError(400, 'validation_error', `${name} is not a property that exists.`)
    check(isRecord(value) && schema.type in value, `property ${name} must be given as a ${schema.type} value`)
    const inner = value[schema.type]
    if (schema.type === 'title' || schema.type === 'rich_text') checkRichText(inner, `property ${name}`)
    if (schema.type === 'number') check(inner === null || typeof inner === 'number', `property ${name} must be a number or null`)
    if (schema.type === 'select') {
      check(inner === null || (isRecord(inner) && typeof inner.name === 'string'), `property ${name} must be { name } or null`)
      if (inner !== null) check(!(inner.name as string).includes(','), `select option "${inner.name as string}" contains a comma`)
    }
  }
  return properties
}

export async function startNotionServer({ token, parentPages }: { token: string; parentPages: string[] }): Promise<NotionTestServer> {
  const pages = new Map<string, FakePage>()
  const dataSources = new Map<string, FakeDataSource>()
  const databases = new Map<string, { id: string; dataSourceId: string; title: unknown }>()
  const childPages = new Map<string, FakeChildPage>()
  const plain = (items: unknown, where: string): string => {
    checkRichText(items, where)
    return (items as { text: { content: string } }[]).map((i) => i.text.content).join('')
  }
  /** A page under a page, with paragraph and table blocks as the API documents them (≤ 100 children, ≤ 100 rows). */
  const createChildPage = (body: Record<string, unknown>, parentPageId: string): FakeChildPage => {
    if (!parentPages.includes(parentPageId)) throw notionError(404, 'object_not_found', `Could not find page with ID: ${parentPageId}.`)
    const properties = body.properties
    check(isRecord(properties) && isRecord(properties.title) && Object.keys(properties).length === 1, 'a page under a page has only a title property')
    const page: FakeChildPage = { id: randomUUID(), parentPageId, title: plain(properties.title.title, 'title'), paragraphs: [], tables: [] }
    const children = body.children ?? []
    check(Array.isArray(children) && children.length <= 100, 'children must be an array of at most 100 blocks')
    for (const block of children) {
      check(isRecord(block), 'a block must be an object')
      if (block.type === 'paragraph' && isRecord(block.paragraph)) page.paragraphs.push(plain(block.paragraph.rich_text, 'paragraph'))
      else if (block.type === 'table' && isRecord(block.table)) {
        const { table_width: width, children: rows } = block.table
        check(typeof width === 'number' && Array.isArray(rows) && rows.length >= 1 && rows.length <= 100, 'a table needs table_width and 1–100 rows')
        page.tables.push(
          rows.map((row: unknown) => {
            check(
              isRecord(row) && row.type === 'table_row' && isRecord(row.table_row) && Array.isArray(row.table_row.cells),
              'a table row is { table_row: { cells } }'
            )
            check(row.table_row.cells.length === width, `a table row has ${row.table_row.cells.length} cells, the table ${width} columns`)
            return row.table_row.cells.map((cell: unknown) => plain(cell, 'table cell'))
          })
        )
      } else check(false, `unsupported block ${String(block.type)}`)
    }
    childPages.set(page.id, page)
    return page
  }

  const pageBody = (page: FakePage) => ({
    object: 'page',
    id: page.id,
    url: url(page.id),
    in_trash: page.in_trash,
    archived: page.in_trash,
    parent: { type: 'data_source_id', data_source_id: page.dataSourceId, database_id: dataSources.get(page.dataSourceId)?.databaseId },
    properties: page.properties
  })
  const dataSourceBody = (source: FakeDataSource) => ({
    object: 'data_source',
    id: source.id,
    url: url(source.id),
    parent: { type: 'database_id', database_id: source.databaseId },
    properties: Object.fromEntries([...source.properties.values()].map((p) => [p.name, { ...p, [p.type]: {} }]))
  })
  const databaseBody = (db: { id: string; dataSourceId: string; title: unknown }) => ({
    object: 'database',
    id: db.id,
    url: url(db.id),
    title: db.title,
    data_sources: [{ id: db.dataSourceId, name: 'KPIs' }]
  })
  const addProperties = (source: FakeDataSource, properties: unknown): void => {
    check(isRecord(properties), 'properties must be an object')
    for (const [name, config] of Object.entries(properties)) {
      check(isRecord(config), `property ${name} configuration must be an object`)
      const types = Object.keys(config).filter((k) => k !== 'type' && k !== 'description' && k !== 'name')
      check(types.length === 1 && PROPERTY_TYPES.includes(types[0]!), `property ${name} must have exactly one known type, got ${types.join(',')}`)
      source.properties.set(name, { id: randomUUID().slice(0, 4), name, type: types[0]! })
    }
    check([...source.properties.values()].filter((p) => p.type === 'title').length === 1, 'a data source needs exactly one title property')
  }
  const sourceOf = (id: string): FakeDataSource => {
    const source = dataSources.get(id)
    if (!source) throw notionError(404, 'object_not_found', `Could not find data_source with ID: ${id}.`)
    return source
  }
  const pageOf = (id: string): FakePage => {
    const page = pages.get(id)
    if (!page)
      throw notionError(
        404,
        'object_not_found',
        `Could not find page with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`
      )
    return page
  }

  const guard = (request: TestRequest) => {
    if (request.headers.authorization !== `Bearer ${token}`) {
      return { status: 401, body: { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.' } }
    }
    if (request.headers['notion-version'] !== NOTION_VERSION) {
      return { status: 400, body: { object: 'error', status: 400, code: 'missing_version', message: 'Notion-Version header failed validation.' } }
    }
    if ((request.method === 'POST' || request.method === 'PATCH') && !String(request.headers['content-type']).startsWith('application/json')) {
      return { status: 400, body: { object: 'error', status: 400, code: 'invalid_request', message: 'Content-Type must be application/json.' } }
    }
    return undefined
  }

  const server = await startTestServer(
    [
      {
        method: 'POST',
        path: /^\/v1\/databases$/,
        handle: ({ body }) => {
          check(isRecord(body) && isRecord(body.parent) && body.parent.type === 'page_id', 'parent must be { type: "page_id", page_id }')
          if (!parentPages.includes(body.parent.page_id as string)) throw notionError(404, 'object_not_found', 'Could not find page.')
          checkRichText(body.title, 'title')
          check(isRecord(body.initial_data_source), 'initial_data_source is required to give the properties')
          const database = { id: randomUUID(), dataSourceId: randomUUID(), title: body.title }
          const source: FakeDataSource = { id: database.dataSourceId, databaseId: database.id, properties: new Map() }
          addProperties(source, body.initial_data_source.properties)
          databases.set(database.id, database)
          dataSources.set(source.id, source)
          return { status: 200, body: databaseBody(database) }
        }
      },
      {
        method: 'GET',
        path: /^\/v1\/databases\/([\w-]+)$/,
        handle: (_, [id]) => {
          const database = databases.get(id!)
          if (!database) throw notionError(404, 'object_not_found', `Could not find database with ID: ${id}.`)
          return { status: 200, body: databaseBody(database) }
        }
      },
      { method: 'GET', path: /^\/v1\/data_sources\/([\w-]+)$/, handle: (_, [id]) => ({ status: 200, body: dataSourceBody(sourceOf(id!)) }) },
      {
        method: 'PATCH',
        path: /^\/v1\/data_sources\/([\w-]+)$/,
        handle: ({ body }, [id]) => {
          const source = sourceOf(id!)
          check(isRecord(body), 'body must be an object')
          addProperties(source, body.properties)
          return { status: 200, body: dataSourceBody(source) }
        }
      },
      {
        method: 'POST',
        path: /^\/v1\/pages$/,
        handle: ({ body }) => {
          if (isRecord(body) && isRecord(body.parent) && typeof body.parent.page_id === 'string') {
            check(body.parent.type === undefined || body.parent.type === 'page_id', 'parent.type must be page_id')
            const page = createChildPage(body, body.parent.page_id)
            return { status: 200, body: { object: 'page', id: page.id, url: url(page.id), parent: { type: 'page_id', page_id: page.parentPageId } } }
          }
          check(
            isRecord(body) && isRecord(body.parent) && typeof body.parent.data_source_id === 'string',
            'parent must be { data_source_id } under API 2025-09-03'
          )
          check(body.parent.type === undefined || body.parent.type === 'data_source_id', 'parent.type must be data_source_id')
          const source = sourceOf(body.parent.data_source_id)
          const page: FakePage = { id: randomUUID(), dataSourceId: source.id, properties: checkPropertyValues(source, body.properties), in_trash: false }
          pages.set(page.id, page)
          return { status: 200, body: pageBody(page) }
        }
      },
      {
        method: 'PATCH',
        path: /^\/v1\/pages\/([\w-]+)$/,
        handle: ({ body }, [id]) => {
          const page = pageOf(id!)
          if (page.in_trash) throw notionError(400, 'validation_error', "Can't edit block that is archived. You must unarchive the block before editing.")
          check(isRecord(body), 'body must be an object')
          Object.assign(page.properties, checkPropertyValues(sourceOf(page.dataSourceId), body.properties))
          return { status: 200, body: pageBody(page) }
        }
      },
      { method: 'GET', path: /^\/v1\/pages\/([\w-]+)$/, handle: (_, [id]) => ({ status: 200, body: pageBody(pageOf(id!)) }) }
    ],
    guard
  )
  return {
    ...server,
    pages,
    childPages,
    dataSources,
    value(page, name) {
      const property = page.properties[name] as Record<string, unknown> | undefined
      if (!property) return undefined
      const [type, inner] = Object.entries(property).find(([k]) => k !== 'type')!
      if (type === 'title' || type === 'rich_text') return (inner as { text: { content: string } }[]).map((i) => i.text.content).join('')
      if (type === 'select') return (inner as { name: string } | null)?.name ?? null
      return inner
    }
  }
}
