// Where in a sentence its target is written: "至少 80%", "must not exceed 30 minutes", "从 35% 提升到 45%".

export interface TargetSpan {
  start: number
  end: number
  text: string
  /** How sure the wording is that this number is the goal (higher is surer). */
  score: number
  /** A comparator, a change or a from-to was written (not only a bare number). */
  worded: boolean
  percentile: string | null
  /** "(第一年)", "by the end of Q1": the time the value is due, when written right after it. */
  horizon: string | null
  /** Where the span ends with its horizon. */
  reach: number
  /** A unit or percent follows the number ("20%", "3 天"), so it is a quantity, not a designation ("SOC 2"). */
  measured: boolean
}

const NUMBER = String.raw`[$¥￥€]?\s?[-+−]?\d[\d,]*(?:\.\d+)?(?:\s?[万亿]|[kKMB千](?![A-Za-z]))?`
const SHARE = String.raw`[一二两三四五六七八九十百千万]+分之[一二两三四五六七八九十]+|一半|[一二两三四五六七八九]成(?![本员功立交为果熟长绩])`
const IMPLIED = String.raw`\b(?:doubl(?:e|ed|ing)|twice|tripl(?:e|ed)|halv(?:e|ed|ing))\b|翻倍|翻一番|翻两番|减半`
const WORDS = String.raw`\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|a (?:quarter|third))\b|(?<![\u4e00-\u9fff])零(?![\u4e00-\u9fff])|\bnone(?=\s*[.。;；]?\s*$)`
const ANCHOR = new RegExp(`(?<![A-Za-z\\d.\\-_/:])(?:${NUMBER}(?!st\\b|nd\\b|rd\\b|th\\b)|${SHARE})|${IMPLIED}|${WORDS}`, 'giu')

const UNIT = String.raw`(?:\s?(?:(?:business|working|calendar) days?|%|％|‰|个百分点|百分点|pp|ms|毫秒|秒钟?|分钟|个?小时|个?工作日|天|日|周|个?月|个?季度|年|分(?![钟之位])|元|块|美元|人|位|名|次|个|项|件|条|单|笔|份|家|台|篇|张|(?:[KMGT]B|[A-Za-z]+)\/s|GB|MB|KB|TB|(?!(?:of|per|a|an|the|in|on|at|by|for|to|from|and|or|with|over|under|within|is|are|be|should|must|will|may|can|than|each|every|all|only|more|less|vs|out|and|or)\b)[A-Za-z]+))?`
const KNOWN_UNIT =
  /^\s?(?:%|％|‰|个百分点|百分点|pp\b|ms\b|毫秒|秒|分钟|个?小时|个?工作日|天|日|周|个?月|个?季度|年|分|元|块|美元|人|位|名|次|个|项|件|条|单|笔|份|家|台|篇|张|[KMGT]B|(?:s|sec|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|points?|pts|stars?|users?|people|teams?|customers?|requests?|calls?|orders?|tickets?|sessions?|messages?|rows?|items?|times)\b)/iu
const RANGE = String.raw`(?:\s?(?:%|％)?\s?(?:-|~|～|–|to|至|到)\s?\d[\d,]*(?:\.\d+)?)?`
const SUFFIX = String.raw`(?:\s?(?:及以上|或以上|以上|及以下|或以下|以下|以内|之内|内|\+|max(?:imum)?\b|(?:above|below|over|under) (?:the |its )?(?:control|baseline|today|current|holdout)\b|or (?:more|higher|better|above|greater|less|lower|fewer|below)|and (?:above|below)|out of \d+(?:\.\d+)?|\/\s?\d+(?:\.\d+)?分?))*`
const RATE = String.raw`(?:\s?(?:\/\s?(?:月|周|天|日|小时|年|month|week|day|hour|year)|per (?:month|week|day|hour|year|user)|a (?:month|week|day)|monthly|weekly|daily|hourly|每(?:月|周|天|日)))?`
const RIGHT = new RegExp(`^${UNIT}${SUFFIX}${RATE}`, 'iu')
const RIGHT_WORD = new RegExp(`^${SUFFIX}`, 'iu')
const RIGHT_RANGE = new RegExp(`^${RANGE}${UNIT}${SUFFIX}${RATE}`, 'iu')
// "between 25% and 35%": "and" joins a range only after "between" ("at 30, 60 and 90 days" is an enumeration).
const RIGHT_BETWEEN = new RegExp(`^(?:\\s?(?:%|％)?\\s?and\\s?\\d[\\d,]*(?:\\.\\d+)?)?${UNIT}${SUFFIX}${RATE}`, 'iu')
const VERSION_BEFORE = /(?:\b[A-Z][a-z]+|\bi[A-Z]{2}|\bv)\s?$/u
const YEAR_BEFORE = /(?:\b(?:Q[1-4]|H[12]|FY|in|by|of|since|until|before|after|end of)|\b[A-Z][a-z]{2,8})\s*$/u
const BEFORE_CHARS = 48
// "评分差异超过 5 分的会话需复议", "一致率低于 80% 的 query 重标": a value that picks out the cases something is done to.
const CONDITION_AFTER =
  /^\s*(?:时|的时候|时候|则|以后|之后|触发|自动|即|就|when\b|if\b|then\b|before\b|triggers?\b|的\s*[^，,。；;\d]{1,10}?(?:需要?|须|要|将|应|必须|则|重新?|会被?|由|进入|提交|触发))/u

const COMPARATOR_BEFORE =
  /(?:[≥≤<>=＜＞≧≦]=?|[▲▼↑↓]\s*(?:to\s)?|(?:别|不要|不能|不可|勿)(?:超过|高于|低于)|不低于|不少于|不小于|不得低于|不得少于|不高于|不超过|不大于|不多于|不得超过|至少|最少|最低|最多|至多|最高|低于|少于|小于|高于|大于|多于|超过|达到|达成|达|突破|冲到|冲至|冲上|实现|控制在|保持在|维持在|在|(?:提升|提高|增长|增加|降|降低|下降|减少|缩短|压缩)[到至]|at least|at most|at or (?:below|under|above)|no (?:more|less|fewer|higher|lower) than|not (?:more|less|fewer) than|no (?:regression|increase|growth) (?:beyond|past|above|over)|(?:must |should |may |will |does |do )?(?:not|never) (?:(?:grow|rise|increase|go up)(?: by)? (?:more than|over|above)|exceed|go above|be above|be below|above|below|over|under|(?:drop|fall|dip|sink|go) (?:below|under)|(?:rise|climb|go) (?:above|over))|(?:never )?exceeds?|up to|between|less than|fewer than|more than|greater than|higher than|lower than|under|below|above|over|within|reach(?:es|ed)?|hits?|gets? to|get down to|come down to|(?:down|fall|fell|drop|cut|reduce[sd]?|lower(?:ed)?|decrease[sd]?|increase[sd]?|raise[sd]?|grow|lift|improve) to)\s*$/iu
const CHANGE_BEFORE =
  /(?:提升|提高|增长|增加|上升|降低|下降|减少|缩短|压缩|下滑|(?:increase[sd]?|raise[sd]?|grow(?:s|n)?|lift(?:ed)?|boost(?:ed)?|improve[sd]?|reduce[sd]?|decrease[sd]?|cut|lower(?:ed)?|drop(?:ped|s)?|fall(?:s|en)?|rise[sn]?|decline[sd]?|shrink(?:s)?|down|up)(?:\s+by)?|by)\s*$/iu
const HALVED_BEFORE = /\b(?:cut|slash(?:ed)?|reduce[sd]?|bring down)\b(?:\s+\S+){0,3}\s+in\s*$/iu
const BASELINE_BEFORE =
  /(?:from|从|由|down from|up from|compared (?:with|to)|vs\.?|versus|较|(?<![环同])比|相比|现状|目前|当前|today|currently|baseline|基线|v\d+ (?:does|is))\s*$/iu
// "滚动 28 天", "rolling 30 days", "按 1 分钟粒度", "window of 5 minutes": how the metric is counted, not its goal.
const DEFINES_BEFORE =
  /(?:per|每|前|top|最近|过去|last|over the last|in the first|within the first|sample of|samples? of|at least \d+ requests?|满|滚动|按|\brolling|\btrailing|\bwindows? of|窗口为|窗口是)\s*$/iu
const PERCENTILE = /(?:^|[\s(（,，、:：])((?:p|tp)\d{2}(?:\.\d+)?|\d{2}(?:th)? percentile)[)）]?\s*$/iu
const SHARE_OF_CASES = /(?:^|[^\d.])((\d{2}(?:\.\d+)?)\s?[%％]\s?(?:的|of\s)[^，,。;；\d%]{1,30})$/u
const PERCENTILE_AFTER = /^\s*(?:(?:at|@)\s*(?:the\s+)?((?:p|tp)\d{2}(?:\.\d+)?\b|median\b)|[（(]\s*((?:p|tp)\d{2}(?:\.\d+)?|median|中位数)\s*[)）])/i
const PERCENTILE_CLOSING = /^[^，,；;。()（）]{1,60}?[（(]\s*((?:p|tp)\d{2}(?:\.\d+)?)\s*[)）]\s*(?=[，,；;。.]|$)/i
const WINDOW_BEFORE = /(?:上线(?:后)?\s*\d+\s*个?(?:月|周|天)内|\d+\s*个?(?:月|周|天|年)内|within \d+ (?:days?|weeks?|months?|years?)(?: of [\w-]+)?)\s*$/iu
const DATE_AFTER = /^\s*(?:年|月|日|号)|^:\d{2}/u
const YEAR_DATE = /^[-/.]\d{1,2}\b/
const HORIZON_AFTER =
  /^\s*(?:[（(]([^（()）]{1,30})[)）]|((?:by|before|until|at|in) (?:the )?(?:end of )?(?:Q[1-4]|H[12]|FY\d{2,4}|month \d+|week \d+|year \d+|20\d\d|[A-Z][a-z]+ 20\d\d|the (?:pilot|beta|trial|quarter|year)|launch|GA)(?: 20\d\d)?|within \d+ (?:days?|weeks?|months?|years?)(?: of (?:launch|GA|release))?))/u
const HORIZON_WORD =
  /^(?:Q[1-4]|H[12]|FY|20\d\d|第|首|上线|发布|年底|年末|年初|年中|月底|月末|季度|半年|全年|[一二三]期|MVP|GA\b|beta|launch|release|by |end of|month|year|week|before|after|within|phase|stage|sprint|里程碑|\d+\s*(?:月|年|周)(?:底|末|初|内|前)?|[一二三四五六七八九十]+月)|(?:底|末|前|内|后|阶段|期|版本)$/iu
const CUE =
  /目标|力争|争取|希望|预期|要求|应当|应该|需要|需|应|必须|保证|确保|\b(?:aim(?:ing)?|goal|target(?:ing)?|should|must|want|expect(?:ed)?|need(?:s)? to|commit(?:ted)?|objective)\b/iu

const BASELINE = new RegExp(
  String.raw`(?:(?:去年|上一?(?:年|季度?|月|期)|上半年|\blast (?:year|quarter|month|half)|\bpreviously)[^\d，,。；;）)]{0,6}?|现状|目前|当前|基线|现为|[底末]是|现在是|baseline|today|currently|now at|(?:runs?|stands?|sits?) at|down from|up from|(?<![\w-])from(?=\s*[\d$¥€])|v\d+ (?:does|is|was)|较|compared with|it is|it's)\s*[:：为是]?\s*(?:[~≈～]|about |around |约)?\s*(${NUMBER}(?:\s?(?:%|％|[A-Za-z]+|分钟|小时|天|秒|毫秒|人|次|个|单|元))?)`,
  'iu'
)

/** "(v1 does 22%)", "down from 26 today", "现状 18%": the value a target starts from, when a sentence says it. */
export function baselineIn(text: string): string | null {
  const match = BASELINE.exec(text)
  if (match && /^\s*(?:to|到|至)\b/.test(text.slice(match.index + match[0].length))) return null
  return match ? match[1]!.trim() : null
}

function isHorizon(text: string): boolean {
  return HORIZON_WORD.test(text.trim())
}

/** "P95" from the words that name a percentile after a value; the median is P50. */
function percentileNamed(match: RegExpExecArray | null): string | null {
  const named = match ? (match[1] ?? match[2]) : undefined
  if (!named) return null
  return /^(?:median|中位数)$/i.test(named) ? 'P50' : named.toUpperCase()
}

/** Every number of a clause that may be its target, with how sure the wording around it is. */
export function targetSpans(written: string): TargetSpan[] {
  // "≥ ４ 条": full-width digits read as digits; one character for one keeps every offset on the written text.
  const text = written.replace(/[０-９．]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
  const spans: TargetSpan[] = []
  const cue = CUE.test(text)
  let consumedTo = 0
  for (const match of text.matchAll(ANCHOR)) {
    let start = match.index
    if (start < consumedTo) continue
    // The words that qualify a number sit right before it; a bounded window keeps end-anchored patterns cheap.
    const offset = Math.max(0, start - BEFORE_CHARS)
    const before = text.slice(offset, start)
    let end = start + match[0].length
    const word = /^[a-z零]/i.test(match[0]) && !/^(?:zero|none|零|doubl|twice|tripl|halv)/i.test(match[0])
    const share = /^(?:half|a quarter|a third)$/i.test(match[0])
    // "drop by half", "reduce by a third", "cut them in half": a share after a change is its size.
    if (word && !COMPARATOR_BEFORE.test(before) && !(share && (CHANGE_BEFORE.test(before) || HALVED_BEFORE.test(before)))) continue
    // "twice a week" is how often, not a doubling.
    if (/^twice$/i.test(match[0]) && /^\s+(?:a|per|every)\s+(?:day|week|month|quarter|year)\b/i.test(text.slice(end))) continue
    const year = /^(?:19|20)\d\d$/.test(match[0].trim())
    if (DATE_AFTER.test(text.slice(end)) || (year && (YEAR_BEFORE.test(before) || YEAR_DATE.test(text.slice(end))))) continue
    // "at 30, 60 and 90 days": the last of an enumeration of checkpoints is not a goal.
    if (/\d\s*[,，、]\s*(?:\d[\d.]*\s*[,，、]\s*)*(?:\d[\d.]*\s*)?(?:and|or|和|及|或)\s*$/.test(before)) continue
    if (DEFINES_BEFORE.test(before) || (/^\d/.test(match[0]) && VERSION_BEFORE.test(before))) continue
    // "1 元 = 1 积分", "100 points = $1": a conversion rate of the product, not a goal.
    if (/\d[^\d=≥≤<>]{0,6}=\s*$/u.test(before) || /^[^\d=≥≤<>]{0,6}=\s*[$¥￥€]?\d/u.test(text.slice(end))) continue
    // "8.31.0", "1.2.3-beta": a number with a third dotted part is a version.
    if (/^\.\d/.test(text.slice(end)) && /\d\.\d/.test(match[0])) {
      consumedTo = end + (/^[.\d]+/.exec(text.slice(end))?.[0].length ?? 0)
      continue
    }
    // "0 → 120", "2.0 s → 1.4 s": from the number before the arrow to the one after it.
    const arrow = new RegExp(`^${UNIT}\\s*(?:→|->|⟶|⇒)\\s*(?:${NUMBER})`, 'iu').exec(text.slice(end))
    if (arrow) {
      // "1% → 5% → 20% → 100%": a chain of steps (a rollout, a funnel) is no from-to target.
      const chain = new RegExp(`^${UNIT}\\s*(?:→|->|⟶|⇒)`, 'iu').test(text.slice(end + arrow[0].length))
      if (chain) {
        consumedTo = end + arrow[0].length + (/^[^，,；;。]*/.exec(text.slice(end + arrow[0].length))?.[0].length ?? 0)
        continue
      }
      end += arrow[0].length
      const tail = RIGHT.exec(text.slice(end))
      end += tail ? tail[0].length : 0
      spans.push({ start, end, text: written.slice(start, end).trim(), score: 7, worded: true, percentile: null, horizon: null, measured: true, reach: end })
      consumedTo = end
      continue
    }
    const baselineWord = BASELINE_BEFORE.test(before)
    const implied = /^(?:doubl|twice|tripl|halv|翻|减半)/i.test(match[0])
    // A number word takes no unknown word as its unit ("at least four pricing experiments").
    // "Halve agency spend": a change word takes no unit; the words after it name what changes.
    const right = (word || implied ? RIGHT_WORD : baselineWord ? RIGHT : /\bbetween\s*$/i.test(before) ? RIGHT_BETWEEN : RIGHT_RANGE).exec(text.slice(end))
    end += right ? right[0].length : 0
    // "under 3 s at p90", "300 ms 以内（P99）", "under 1.8 s at the median": the percentile written after the value
    // belongs to it.
    const percentileAfter = PERCENTILE_AFTER.exec(text.slice(end))
    if (percentileAfter) end += percentileAfter[0].length
    // "within 120 seconds of the reading (p95)": a percentile in brackets that closes the clause marks its duration.
    const closing = percentileAfter ? null : PERCENTILE_CLOSING.exec(text.slice(end))
    if (closing) end += closing[0].length
    let score = /%|％|‰|个百分点/.test(text.slice(start, end)) || share ? 1 : 0
    let worded = /[+]|以上|以下|以内|之内|内$|or |and |max|above|below|over|under/.test(text.slice(start + match[0].length, end)) || /^\s*[+−-]/.test(match[0])
    // "must not rise above today's 4.2%": a reference word may stand between the comparator and its number.
    const reference = /(?:\s(?:today's|the current|its current|current|last (?:year|quarter|month)'s)|当前的?|现在的?|目前的?)\s*$/iu.exec(before)
    const comparator = COMPARATOR_BEFORE.exec(reference ? before.slice(0, reference.index) : before)
    // "over 28 days", "across 7 days": a measuring window, not a threshold.
    if (
      comparator &&
      /^(?:over|across)$/i.test(comparator[0].trim()) &&
      /^\s?(?:days?|weeks?|months?|quarters?|years?|hours?|minutes?|天|周|个?月)\b/iu.test(text.slice(start + match[0].length))
    )
      continue
    const change = comparator ? null : (CHANGE_BEFORE.exec(before) ?? (share ? HALVED_BEFORE.exec(before) : null))
    const baseline = baselineWord && !comparator
    if (baseline) {
      // "from 24% to 30%": the from-part joins the number after it; alone it is a baseline, never a target.
      const to = /^\s*(?:to|[\u4e00-\u9fff]{0,2}[到至])\s*/u.exec(text.slice(end))
      // "from 71% to at least 80%": the bound may be worded after "to".
      // "from 71% to at least 80%", "from 14 s to under 4 s": the bound may be worded after "to".
      const next = to
        ? new RegExp(
            `^(?:(?:at least|at most|under|below|above|over|less than|more than|no (?:more|less) than|至少|不低于|不高于|以下)\\s*)?(?:${NUMBER}|${SHARE})`,
            'iu'
          ).exec(text.slice(end + to[0].length))
        : null
      if (!to || !next) continue
      const from = /(?:from|从|由)\s*$/iu.exec(before)
      if (!from) continue
      start = offset + from.index
      end += to[0].length + next[0].length
      const tail = RIGHT.exec(text.slice(end))
      end += tail ? tail[0].length : 0
      score += 5
      worded = true
    } else if (comparator) {
      start = offset + comparator.index
      score += comparator[0].trim() === '在' ? 1 : 4
      worded ||= comparator[0].trim() !== '在'
    } else if (change) {
      start = offset + change.index
      score += 3
      worded = true
    } else if (/(?:目标值?|target|goal|aim(?:ing)? for)\s*(?:[:：为是]|定为|设为|设定为)?\s*$/iu.test(before)) {
      // "target 80%" names the goal as surely as a comparator does.
      score += 5
      worded = true
    } else if (implied) {
      score += 3
      worded = true
    } else if (/^(?:0|zero|零)$/i.test(match[0].trim()) && /(?:为|是|归|=|\b(?:be|is|are|at|to|remains?|stays?|equals?))\s*$/iu.test(before)) {
      // "漏标数为 0", "should be zero": none at all is a goal as surely as a comparator says it.
      score += 4
      worded = true
    }
    if (worded) score += 2
    const lead = Math.max(0, start - BEFORE_CHARS)
    const window = WINDOW_BEFORE.exec(text.slice(lead, start))
    if (window && worded) start = lead + window.index
    const near = Math.max(0, start - BEFORE_CHARS)
    const percentile = PERCENTILE.exec(text.slice(near, start))
    if (percentile) start = near + percentile.index + percentile[0].indexOf(percentile[1]!)
    // "99% 的回调须在 5 秒内", "95% of requests complete in under 300 ms": the share of cases joins the bound.
    const cases = percentile || !worded ? null : SHARE_OF_CASES.exec(text.slice(near, start))
    if (cases) start = near + cases.index + cases[0].indexOf(cases[1]!)
    const tail = text.slice(end)
    const bracketed = /[（(][^)）]*$/.test(text.slice(Math.max(0, start - BEFORE_CHARS), start)) && /^[^(（]*[)）]/.test(tail)
    if (bracketed) score -= 9
    // A duration that only bounds the definition ("within 7 days of sign-up", "24 小时内因…") is not the goal.
    // An aside right after the value ("45 秒以内（上半年 62 秒）") is no part of a definition.
    const windowOnly = /within|内$/.test(text.slice(start, end)) && /[\p{L}]/u.test(tail.replace(/^\s*[（(][^)）]*[)）]/u, '').split(/[，,；;。.]/)[0] ?? '')
    if (windowOnly && !(cases && !/^\s*(?:of|after|from|since)\b/i.test(tail))) score -= 5
    if (CONDITION_AFTER.test(tail)) score -= 8
    if (cue) score += 1
    const horizon = HORIZON_AFTER.exec(tail)
    const horizonText = horizon
      ? (horizon[1] ?? horizon[2] ?? '').trim().replace(/^(?:at|by|in|before|until)\s+(?:the\s+)?(?=end\b|month\b|week\b|year\b|Q[1-4]\b|H[12]\b)/i, '')
      : ''
    const spanHorizon = horizonText && (horizon?.[2] || isHorizon(horizonText)) ? horizonText : null
    spans.push({
      start,
      end,
      text: written.slice(start, end).trim(),
      score,
      worded,
      percentile: percentile
        ? percentile[1]!.toUpperCase().replace(/TH PERCENTILE$/, '')
        : cases
          ? `P${cases[2]}`
          : percentileNamed(percentileAfter ?? closing),
      horizon: spanHorizon,
      measured: implied || share || /^[$¥￥€]|\d[kKMB万千亿]/u.test(match[0].trim()) || KNOWN_UNIT.test(text.slice(match.index + match[0].length, end)),
      reach: end + (spanHorizon && horizon ? horizon[0].length : 0)
    })
    consumedTo = spans[spans.length - 1]!.reach
  }
  return spans
}

/** The span most likely to be the goal, or null when the sentence states none. */
export function bestSpan(spans: readonly TargetSpan[]): TargetSpan | null {
  let best: TargetSpan | null = null
  for (const span of spans) if (span.score >= 0 && (!best || span.score > best.score)) best = span
  return best
}
