import type { Direction } from '../kpi'

/** What a target belongs to: enough words to tell which way is better for the metric. */
export interface MetricHints {
  name?: string
  unit?: string
  description?: string
}

// Words that name a good thing (more is better) and a bad one (less is better), English and Chinese.
const HIGHER = [
  ...'success|succeed|retention|retain|uptime|availability|available|satisfaction|satisfied|csat|nps|conversion|convert|adoption|adopt|accuracy|accurate|precision|recall|coverage|completion|completed|activation|engagement|active|growth|revenue|hit rate|pass rate|throughput|dau|mau|wau|accept|self-serv|paying|paid|deliver|engage|gmv|sales|bookings|activat|verified|pass|redemption|on-time|on time|fulfil|efficiency|adherence|opt-in|opt in|balance|deposit|saving|redeemed|reactivat|roas|return on|click|open rate|orders'.split(
    '|'
  ),
  ...'成功|留存|可用|满意|转化|采纳|采用|准确|覆盖|完成|激活|活跃|命中|通过率|增长|收入|吞吐|好评|复购|互动|参与|自助|付费|送达|到达|续费|成交|销量|营收|兑换|履约|及时|准时|人效|效率|启动|创建|加入|点击|佣金|在线|完整|处置|接受|提交|自助'.split(
    '|'
  )
]
const LOWER = [
  ...'cost|latency|delay|response time|duration|error|failure|failed|fail|crash|churn|bounce|abandon|defect|bug|incident|downtime|complaint|mttr|wait|vulnerabilit|refund|time to|time-to|spend|p95|p99|completion time|resolution time|handling time|load time|lag|jank|mismatch|days|hours|minutes|seconds|spent|delivery time|turnaround|lead time|cycle time|handle time|rejection|dispute|drop-off|dropoff|reopen|damage|fraud'.split(
    '|'
  ),
  ...'成本|费用|延迟|时延|耗时|响应时间|时长|错误|失败|崩溃|流失|跳出|放弃|缺陷|故障|事故|宕机|投诉|等待|漏洞|退款|差评|误报|超时|完成时间|处理时间|解决时间|恢复时间|加载时间|周期|差错|出错|错拿|破损|拒收|重开|漏标|中断|漏放|误杀|误判|积压|冲突|赔付|离线'.split(
    '|'
  )
]
const TIME_UNITS = new Set(['ms', 's', 'min', 'h', 'day'])

const lastIndexOfAny = (text: string, words: readonly string[]): number => Math.max(-1, ...words.map((w) => text.lastIndexOf(w)))

/**
 * Which way is better for a metric, read from its name (then its description): rates of success, retention,
 * uptime and satisfaction are better higher; cost, latency, errors and churn lower. When a name holds both kinds
 * of word, the later one is the head of the phrase ("任务完成时间" is a time, "错误恢复成功率" a success rate),
 * except for "time to …" and English modifiers after a preposition ("days from intent to paid" are days).
 * A time unit alone means lower. Null when nothing tells.
 */
export function metricPolarity(hints: MetricHints): Exclude<Direction, 'range'> | null {
  for (const text of [hints.name, hints.description]) {
    const words = (text ?? '').toLowerCase()
    if (!words.trim()) continue
    if (/\btime[ -]to\b/.test(words)) return 'lower'
    // An English head noun comes before its modifiers ("median days from intent to paid" is a number of days).
    const head = /^(.*?\w)\s+(?:of|from|to|for|on|in|per|by|with|within|at|after|before)\s/.exec(words)?.[1]
    for (const part of head ? [head, words] : [words]) {
      const higher = lastIndexOfAny(part, HIGHER)
      const lower = lastIndexOfAny(part, LOWER)
      if (higher >= 0 || lower >= 0) return higher > lower ? 'higher' : 'lower'
    }
  }
  return hints.unit && TIME_UNITS.has(hints.unit.trim().toLowerCase()) ? 'lower' : null
}
