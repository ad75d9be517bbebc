import type { BackupService } from './backup-service'

/**
 * While the app (or browser mode) runs: a backup whenever the last one is older than the
 * interval the user set, checked every few minutes and once shortly after start.
 */
export function startBackupScheduler(backups: Pick<BackupService, 'runSchedule'>, onError: (error: unknown) => void, checkEveryMs = 5 * 60_000) {
  let running = false
  async function tick() {
    if (running) return
    running = true
    try {
      await backups.runSchedule()
    } catch (error) {
      onError(error)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), checkEveryMs)
  timer.unref()
  const first = setTimeout(() => void tick(), 30_000)
  first.unref()
  return {
    tick,
    stop() {
      clearInterval(timer)
      clearTimeout(first)
    }
  }
}
