// vue-i18n set-up: zh-CN by default, English complete, both typed by
// MessageSchema. Naive UI gets the matching locale through naiveLocale().
import { createI18n } from 'vue-i18n'
import { dateEnUS, dateZhCN, enUS, zhCN as naiveZhCN, type NDateLocale, type NLocale } from 'naive-ui'
import type { Language } from '@/bridge'
import en from './en'
import { memoizeTexts } from './memo'
import type { MessageSchema } from './schema'
import zhCN from './zh-CN'

export type { MessageSchema }

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en']
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

export const messages: Record<Language, MessageSchema> = { 'zh-CN': zhCN, en }

/** makeI18n returns a fresh i18n instance (one per app, and per test). */
export function makeI18n(locale: Language = DEFAULT_LANGUAGE) {
  const i18n = createI18n<[MessageSchema], Language, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LANGUAGE,
    messages,
    missingWarn: false,
    fallbackWarn: false,
  })
  // Before the app installs it: useI18n() and $t then give the kept texts.
  memoizeTexts(i18n.global)
  return i18n
}

export type AppI18n = ReturnType<typeof makeI18n>

/**
 * withoutCatchAllPlaceholders blanks Naive UI's catch-all placeholders
 * (请输入 / Please Input, 请选择 / Please Select): an input shows the hint
 * its own placeholder gives, or none. Date and time pickers keep theirs
 * (选择日期 / Select Date says what to do).
 */
function withoutCatchAllPlaceholders(l: NLocale): NLocale {
  return { ...l, Input: { ...l.Input, placeholder: '' }, InputNumber: { ...l.InputNumber, placeholder: '' }, Select: { ...l.Select, placeholder: '' } }
}

const NAIVE_EN = withoutCatchAllPlaceholders(enUS)
const NAIVE_ZH = withoutCatchAllPlaceholders(naiveZhCN)

/** naiveLocale returns Naive UI's locale pair for a language. */
export function naiveLocale(lang: string): { locale: NLocale; dateLocale: NDateLocale } {
  return lang === 'en' ? { locale: NAIVE_EN, dateLocale: dateEnUS } : { locale: NAIVE_ZH, dateLocale: dateZhCN }
}

/** isLanguage narrows a stored preference to a known language. */
export function isLanguage(v: unknown): v is Language {
  return v === 'zh-CN' || v === 'en'
}
