/**
 * TEXTS_AT_MOST bounds the texts a memo keeps (it starts over past it):
 * the app's messages with the arguments a session shows stay far below.
 */
export const TEXTS_AT_MOST = 20_000

/** The part of vue-i18n's composer a memo reads and replaces. */
interface Translating {
  locale: { value: string }
  t: (...args: never[]) => string
}

/** field writes s with its length first, so that no text can pass for two fields. */
const field = (s: string) => `${s.length}:${s}`

/**
 * textKey is the memo's key for a call of t in locale, or undefined for a
 * call the memo passes on: a key alone, or a key with named arguments of
 * strings, numbers and booleans (a count, a name, a date as text). Every
 * part is written with its length, so two calls share a key only when
 * they are the same call.
 */
export function textKey(locale: string, args: readonly unknown[]): string | undefined {
  const [key, named] = args
  if (typeof key !== 'string' || args.length > 2) return undefined
  let out = field(locale) + field(key)
  if (args.length === 1) return out
  if (typeof named !== 'object' || named === null || Object.getPrototypeOf(named) !== Object.prototype) return undefined
  for (const [k, v] of Object.entries(named)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined
    out += field(k) + (typeof v)[0] + field(String(v))
  }
  return out
}

/**
 * memoizeTexts makes composer.t keep each text it gave, by locale, key and
 * arguments (textKey). vue-i18n evaluates a message at every call, 15 to
 * 45 µs in Chromium on a 2-core laptop, and opening a dossier calls t
 * about a hundred times (the list's rows, the filters and the dossier
 * page's labels too); a kept text costs a map lookup. The messages do not
 * change while the app runs (they are compiled in); the locale is read at
 * every call, so a page still follows a change of language.
 */
export function memoizeTexts(composer: Translating): void {
  const t = composer.t as unknown as (...args: unknown[]) => string
  const texts = new Map<string, string>()
  const memo = (...args: unknown[]): string => {
    const key = textKey(composer.locale.value, args)
    if (key === undefined) return t(...args)
    let text = texts.get(key)
    if (text === undefined) {
      text = t(...args)
      if (texts.size >= TEXTS_AT_MOST) texts.clear()
      texts.set(key, text)
    }
    return text
  }
  composer.t = memo as unknown as Translating['t']
}
