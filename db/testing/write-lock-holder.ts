import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'

/** Starts another process that holds the workspace's write lock; resolves once it has it. */
export async function holdWriteLock(file: string, holdMs?: number): Promise<{ child: ChildProcess; release(): Promise<void> }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'lock-holder-process.mjs'), file, ...(holdMs ? [String(holdMs)] : [])], {
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const exited = once(child, 'exit')
  child.stdin!.on('error', () => {})
  let out = ''
  child.stdout!.setEncoding('utf8')
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk
      if (out.includes('locked')) resolve()
    })
    void exited.then(([code]) => reject(new Error(`the lock holder exited (${String(code)}) before taking the lock`)))
  })
  return {
    child,
    async release() {
      child.stdin!.end()
      await exited
    }
  }
}
