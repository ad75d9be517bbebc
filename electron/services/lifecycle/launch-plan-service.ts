import dayjs from 'dayjs'
import { desc, eq, sql } from 'drizzle-orm'
import { launchPlan } from '../../../db/schema'
import {
  launchPlanInputSchema,
  launchSchedule,
  type LaunchPlanInput,
  type LaunchPlanState,
  type LaunchPlanView,
  type LaunchSchedule
} from '../../domain/launch-plan'
import type { AuditService } from '../audit/audit-service'
import type { BoardService } from '../boards/board-service'
import type { ServiceDeps } from '../context'
import type { KpiService } from '../kpis/kpi-service'

/** A board's launch plan (launch date, owner, review cadence, who is told and where): every save is a new row. */
export function createLaunchPlanService(deps: ServiceDeps & { audit: AuditService; boards: BoardService; kpis: KpiService }) {
  const { db, audit, boards, kpis, now, transaction, events } = deps
  const at = (name: string) => sql.placeholder(name)
  const stmt = {
    latest: db
      .select()
      .from(launchPlan)
      .where(eq(launchPlan.boardId, at('boardId')))
      .orderBy(desc(launchPlan.id))
      .limit(1)
      .prepare(),
    insert: db
      .insert(launchPlan)
      .values({
        boardId: at('boardId'),
        launchDate: at('launchDate'),
        owner: at('owner'),
        cadence: at('cadence'),
        notify: at('notify'),
        channel: at('channel'),
        destination: at('destination'),
        author: at('author'),
        createdAt: at('createdAt')
      })
      .returning({ id: launchPlan.id })
      .prepare()
  }
  const today = () => dayjs(now()).format('YYYY-MM-DD')

  function get(boardId: number): LaunchPlanView | null {
    boards.get(boardId)
    return stmt.latest.get({ boardId }) ?? null
  }

  /** The day a KPI reached its current launched stage: the first revision of the newest run of launched revisions. */
  function launchedOn(kpiId: number): string {
    const history = kpis.history(kpiId).sort((a, b) => b.number - a.number)
    let since = history[0]!.createdAt
    for (const revision of history) {
      if (revision.stage !== 'launched') break
      since = revision.createdAt
    }
    return dayjs(since).format('YYYY-MM-DD')
  }

  function schedule(boardId: number, plan: LaunchPlanView | null): LaunchSchedule[] {
    if (!plan) return []
    const day = today()
    return kpis
      .list(boardId)
      .filter((k) => k.stage === 'launched')
      .map((k) => launchSchedule({ kpiId: k.id, code: k.code, launchedOn: launchedOn(k.id) }, plan, day))
  }

  const setTx = transaction((boardId: number, input: LaunchPlanInput, actor: string): number => {
    const board = boards.get(boardId)
    const plan = launchPlanInputSchema.parse(input)
    const id = stmt.insert.get({ ...plan, boardId, author: actor, createdAt: now() })!.id
    audit.record({
      actor,
      action: 'launch.plan.set',
      boardId,
      summary: `Launch plan of ${board.name}: launch ${plan.launchDate}, ${plan.cadence} reviews, owner ${plan.owner || '—'}, notify ${plan.notify.join(', ') || '—'} via ${plan.channel}`,
      details: { ...plan }
    })
    return id
  })

  return {
    get,
    /** The plan and, for every launched KPI, its first review period and whether it has ended. */
    state(boardId: number): LaunchPlanState {
      const plan = get(boardId)
      return { plan, schedule: schedule(boardId, plan) }
    },
    set(boardId: number, input: LaunchPlanInput, actor: string): LaunchPlanState {
      setTx(boardId, input, actor)
      events.emit('board.changed', { boardId })
      const plan = get(boardId)
      return { plan, schedule: schedule(boardId, plan) }
    },
    /** Launched KPIs of the board whose first full review period has ended. */
    due: (boardId: number): LaunchSchedule[] => schedule(boardId, get(boardId)).filter((s) => s.due),
    /** The schedule of one KPI as if it were launched now or earlier (the operating gate asks it). */
    scheduleOf(kpiId: number, boardId: number): LaunchSchedule | null {
      const plan = get(boardId)
      if (!plan) return null
      const kpi = kpis.get(kpiId)
      const on = kpi.stage === 'launched' ? launchedOn(kpiId) : today()
      return launchSchedule({ kpiId, code: kpi.code, launchedOn: on }, plan, today())
    }
  }
}
export type LaunchPlanService = ReturnType<typeof createLaunchPlanService>
