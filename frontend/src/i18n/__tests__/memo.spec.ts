// Issue 14: vue-i18n evaluates a message at every call of t; the app keeps
// each text it gave (memo.ts). The kept texts must be the ones vue-i18n
// gives, in either language, and a page must still follow a change of
// language.
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { createI18n, useI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import { makeI18n, messages } from '@/i18n'
import { TEXTS_AT_MOST, memoizeTexts, textKey } from '@/i18n/memo'

/** keys lists every message key of a catalogue, dotted. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

/** plain is vue-i18n as it comes, without the memo, on the app's catalogues. */
const plain = () => createI18n({ legacy: false, locale: 'zh-CN', fallbackLocale: 'zh-CN', messages, missingWarn: false, fallbackWarn: false })

describe('memoizeTexts', () => {
  it('gives the text vue-i18n gives for every key, asked twice, in both languages', () => {
    const app = makeI18n().global
    const bare = plain().global
    const all = keys(messages['zh-CN'])
    expect(all.length).toBeGreaterThan(500)
    for (const lang of ['zh-CN', 'en'] as const) {
      app.locale.value = lang
      bare.locale.value = lang
      for (const k of all) {
        const want = bare.t(k)
        expect(app.t(k), `${lang} ${k}`).toBe(want)
        expect(app.t(k), `${lang} ${k}, kept`).toBe(want)
      }
    }
    app.locale.value = 'zh-CN'
    bare.locale.value = 'zh-CN'
    expect(app.t('list.count', { n: 5 })).toBe(bare.t('list.count', { n: 5 }))
    expect(app.t('list.count', { n: 6 })).toBe(bare.t('list.count', { n: 6 }))
    expect(app.t('list.count', { n: 6 })).not.toBe(app.t('list.count', { n: 5 }))
  })

  it('evaluates a message once per locale, key and arguments', () => {
    const calls: unknown[][] = []
    const composer = {
      locale: { value: 'zh-CN' },
      t: (...args: unknown[]) => {
        calls.push(args)
        return `${String(args[0])}:${calls.length}`
      },
    }
    memoizeTexts(composer)
    const t = composer.t as unknown as (...args: unknown[]) => string
    expect(t('a')).toBe('a:1')
    expect(t('a')).toBe('a:1')
    expect(t('a', { n: 1 })).toBe('a:2')
    expect(t('a', { n: 1 })).toBe('a:2')
    expect(t('a', { n: '1' })).toBe('a:3') // a string is not the number
    composer.locale.value = 'en'
    expect(t('a')).toBe('a:4')
    // Arguments the memo cannot key are passed on every time.
    expect(t('a', { who: { name: 'x' } })).toBe('a:5')
    expect(t('a', { who: { name: 'x' } })).toBe('a:6')
    expect(t('a', 2)).toBe('a:7')
    expect(t('a', 2)).toBe('a:8')
    expect(calls).toHaveLength(8)
  })

  it('starts over past its bound', () => {
    let evaluated = 0
    const composer = { locale: { value: 'en' }, t: (...args: unknown[]) => `${String(args[0])}:${++evaluated}` }
    memoizeTexts(composer)
    const t = composer.t as unknown as (k: string) => string
    const first = t('k0')
    for (let i = 1; i < TEXTS_AT_MOST; i++) t(`k${i}`)
    expect(t('k0')).toBe(first)
    t('one more')
    expect(t('k0')).not.toBe(first)
  })

  it('keys named arguments by name and value only when they are plain', () => {
    expect(textKey('en', ['a'])).toBe(textKey('en', ['a']))
    expect(textKey('en', ['a'])).not.toBe(textKey('zh-CN', ['a']))
    expect(textKey('en', ['a', { x: 'b', y: 'c' }])).not.toBe(textKey('en', ['a', { x: 'b\u0000y\u0001sc' }]))
    expect(textKey('en', ['a', { n: 1 }])).not.toBe(textKey('en', ['a', { n: true }]))
    expect(textKey('en', ['a', ['x']])).toBeUndefined()
    expect(textKey('en', ['a', new Date()])).toBeUndefined()
    expect(textKey('en', ['a', { n: 1 }, 'zh-CN'])).toBeUndefined()
  })

  it('lets a page follow a change of language', async () => {
    const i18n = makeI18n()
    const Label = defineComponent({
      setup() {
        const { t } = useI18n()
        return () => h('span', t('dossier.tabs.history'))
      },
    })
    const w = mount(Label, { global: { plugins: [i18n] } })
    const zh = w.text()
    i18n.global.locale.value = 'en'
    await nextTick()
    expect(w.text()).toBe('History')
    expect(w.text()).not.toBe(zh)
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    expect(w.text()).toBe(zh)
  })
})
