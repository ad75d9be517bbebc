import { randomBytes } from 'node:crypto'
import { HttpReply, check, isRecord, startTestServer, type TestRequest, type TestServer } from './http-server'

/** Trello REST API 1 as documented: `key` and `token` query parameters, 24-hex ids, text error bodies. */
export interface FakeCard {
  id: string
  name: string
  desc: string
  idList: string
  idLabels: string[]
  closed: boolean
}
export interface FakeList {
  id: string
  name: string
  idBoard: string
}
export interface FakeLabel {
  id: string
  name: string
  color: string
  idBoard: string
}

export interface TrelloTestServer extends TestServer {
  cards: Map<string, FakeCard>
  lists: Map<string, FakeList>
  labels: Map<string, FakeLabel>
}

const COLORS = ['green', 'yellow', 'orange', 'red', 'purple', 'blue', 'sky', 'lime', 'pink', 'black']
const newId = (): string => randomBytes(12).toString('hex')
const notFound = (): HttpReply => new HttpReply({ status: 404, body: 'The requested resource was not found.' })

/** Trello reads parameters from the query string or a JSON body. */
function params(request: TestRequest): Record<string, unknown> {
  const fromQuery = Object.fromEntries([...request.query.entries()].filter(([k]) => k !== 'key' && k !== 'token'))
  return { ...fromQuery, ...(isRecord(request.body) ? request.body : {}) }
}

function idLabelsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' && value !== '' ? value.split(',') : []
}

export async function startTrelloServer({ key, token, boardId }: { key: string; token: string; boardId: string }): Promise<TrelloTestServer> {
  const cards = new Map<string, FakeCard>()
  const lists = new Map<string, FakeList>()
  const labels = new Map<string, FakeLabel>()
  const cardUrl = (card: FakeCard) => `https://trello.com/c/${card.id.slice(0, 8)}/${encodeURIComponent(card.name.slice(0, 20))}`
  const cardBody = (card: FakeCard) => ({ ...card, idBoard: boardId, url: cardUrl(card), shortUrl: `https://trello.com/c/${card.id.slice(0, 8)}` })
  const checkLabels = (ids: string[]): void => {
    for (const id of ids) check(labels.has(id), `label ${id} is not on the board`)
  }
  const guard = (request: TestRequest) => {
    if (isRecord(request.body) && ('key' in request.body || 'token' in request.body)) {
      return { status: 400, body: 'key and token belong in the query string' }
    }
    if (request.query.get('key') !== key) return { status: 401, body: 'invalid key' }
    if (request.query.get('token') !== token) return { status: 401, body: 'invalid token' }
    if (
      (request.method === 'POST' || request.method === 'PUT') &&
      request.body !== '' &&
      !String(request.headers['content-type']).startsWith('application/json')
    ) {
      return { status: 400, body: 'send parameters as query string or JSON' }
    }
    return undefined
  }
  const board = (id: string | undefined): void => {
    if (id !== boardId) throw notFound()
  }
  const server = await startTestServer(
    [
      {
        method: 'GET',
        path: /^\/1\/boards\/(\w+)\/lists$/,
        handle: (_, [id]) => (board(id), { status: 200, body: [...lists.values()].map((l) => ({ ...l, closed: false })) })
      },
      { method: 'GET', path: /^\/1\/boards\/(\w+)\/labels$/, handle: (_, [id]) => (board(id), { status: 200, body: [...labels.values()] }) },
      {
        method: 'POST',
        path: /^\/1\/lists$/,
        handle: (request) => {
          const p = params(request)
          check(typeof p.name === 'string' && p.name.length >= 1 && p.name.length <= 16384, 'name is required (1 to 16384 characters)')
          board(p.idBoard as string)
          const list: FakeList = { id: newId(), name: p.name, idBoard: boardId }
          lists.set(list.id, list)
          return { status: 200, body: { ...list, closed: false } }
        }
      },
      {
        method: 'POST',
        path: /^\/1\/labels$/,
        handle: (request) => {
          const p = params(request)
          check(typeof p.name === 'string' && COLORS.includes(p.color as string), 'name and a valid color are required')
          board(p.idBoard as string)
          const label: FakeLabel = { id: newId(), name: p.name, color: p.color as string, idBoard: boardId }
          labels.set(label.id, label)
          return { status: 200, body: label }
        }
      },
      {
        method: 'POST',
        path: /^\/1\/cards$/,
        handle: (request) => {
          const p = params(request)
          check(typeof p.idList === 'string' && lists.has(p.idList), 'idList must be a list of the board')
          check(typeof p.name === 'string' && p.name.length <= 16384, 'name must be a string of at most 16384 characters')
          check(p.desc === undefined || (typeof p.desc === 'string' && p.desc.length <= 16384), 'desc is at most 16384 characters')
          const idLabels = idLabelsOf(p.idLabels)
          checkLabels(idLabels)
          const card: FakeCard = { id: newId(), name: p.name, desc: (p.desc as string | undefined) ?? '', idList: p.idList, idLabels, closed: false }
          cards.set(card.id, card)
          return { status: 200, body: cardBody(card) }
        }
      },
      {
        method: 'PUT',
        path: /^\/1\/cards\/(\w+)$/,
        handle: (request, [id]) => {
          const card = cards.get(id!)
          if (!card) throw notFound()
          const p = params(request)
          if (p.name !== undefined) card.name = String(p.name)
          if (p.desc !== undefined) card.desc = String(p.desc)
          if (p.idList !== undefined) {
            check(lists.has(p.idList as string), 'idList must be a list of the board')
            card.idList = p.idList as string
          }
          if (p.idLabels !== undefined) {
            card.idLabels = idLabelsOf(p.idLabels)
            checkLabels(card.idLabels)
          }
          return { status: 200, body: cardBody(card) }
        }
      }
    ],
    guard
  )
  return { ...server, cards, lists, labels }
}
