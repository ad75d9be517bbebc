/** The languages a board can be written in: its stage prompts, launch notices and analyzer texts follow it. */
export const BOARD_LANGUAGES = ['zh-CN', 'en'] as const
export type BoardLanguage = (typeof BOARD_LANGUAGES)[number]

const CJK = /[\u3400-\u9fff]/g
const LETTER = /[\p{L}]/gu

/**
 * The language texts are written in: Chinese when a fair share of their letters are Chinese. A board
 * without a language set is read this way from its KPIs' names and descriptions.
 */
export function inferLanguage(texts: readonly string[]): BoardLanguage {
  const joined = texts.join(' ')
  const cjk = joined.match(CJK)?.length ?? 0
  const letters = joined.match(LETTER)?.length ?? 0
  return letters > 0 && cjk / letters >= 0.2 ? 'zh-CN' : 'en'
}
