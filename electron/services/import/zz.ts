import { readFileSync } from 'node:fs'
import { extractKpis } from './extract'
const r = extractKpis(readFileSync(process.argv[2]!, 'utf8'))
for (const c of r.candidates) console.log(c.fields.code, c.fields.name, c.fields.target?.text, c.currentValue, c.fields.stage, c.fields.status, JSON.stringify(c.fields.notes), c.lines, c.origin, c.warnings.join(','))
console.log(r.notes)
