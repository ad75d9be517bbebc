import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'

/** Asks for a secret on the terminal without echoing it; undefined when there is no terminal. */
export async function promptSecret(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined
  let muted = false
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk)
      done()
    }
  })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  try {
    const answer = new Promise<string>((resolve) => rl.question(question, resolve))
    muted = true
    const value = await answer
    process.stderr.write('\n')
    return value === '' ? undefined : value
  } finally {
    rl.close()
  }
}
