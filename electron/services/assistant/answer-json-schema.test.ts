import { describe, expect, it } from 'vitest'
import { extractionAnswerSchema } from './extract-from-prose'
import { jsonSchemaOf } from './json-answer'
import { reviewAnswerSchema } from './proposal-output'

type Node = { type?: string; description?: string; properties?: Record<string, Node>; items?: Node; required?: string[]; additionalProperties?: boolean }

/** Every description in a JSON Schema by its path, e.g. `proposals[].changes`. */
function descriptions(node: Node, path = '', found: Record<string, string> = {}): Record<string, string> {
  if (node.description) found[path || '(root)'] = node.description
  for (const [key, child] of Object.entries(node.properties ?? {})) descriptions(child, path ? `${path}.${key}` : key, found)
  if (node.items) descriptions(node.items, `${path}[]`, found)
  return found
}

// The model reads these descriptions through `response_format`: losing one changes what it answers.
describe('the JSON Schemas sent to the model', () => {
  it('keep the description of every field of the review answer, and no $schema key', () => {
    const schema = jsonSchemaOf(reviewAnswerSchema) as Node
    expect(schema).not.toHaveProperty('$schema')
    const found = descriptions(schema)
    expect(Object.keys(found)).toEqual([
      'summary',
      'proposals[].code',
      'proposals[].changes',
      'proposals[].changes[].field',
      'proposals[].changes[].value',
      'proposals[].benchmarks',
      'proposals[].milestones'
    ])
    expect(found['proposals[].changes[].field']).toBe(
      'One of: name, description, category, formula, dataSource, target, unit, direction, frequency, owner, alertThresholds, stage, status, tags, notes'
    )
    expect(found['proposals[].changes[].value']).toContain('stage: draft|feasibility|trial|launched|operating|retired')
    expect(found.summary).toBe('Two to five sentences on the state of the board at this stage.')
  })

  it('keep every key required and no extra keys allowed (what strict json_schema providers accept)', () => {
    const change = (jsonSchemaOf(reviewAnswerSchema) as Node).properties!.proposals!.items!.properties!.changes!.items!
    expect(change).toMatchObject({ type: 'object', required: ['field', 'value', 'rationale'], additionalProperties: false })
  })

  it('keep the descriptions of the extraction answer', () => {
    expect(descriptions(jsonSchemaOf(extractionAnswerSchema) as Node)).toEqual({
      'kpis[].target': 'The goal exactly as the document writes it; empty when none.',
      'kpis[].sourceQuote': 'A short sentence copied word for word from the document.'
    })
  })
})
