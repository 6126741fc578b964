// Issue 12, defect 8: Naive UI's catch-all placeholder (请输入 / Please Input,
// 请选择 / Please Select) showed in fields that gave none of their own. Under
// the app's locale (naiveLocale, as App.vue passes it to NConfigProvider) an
// input shows its own hint or nothing.
import { h } from 'vue'
import { mount } from '@vue/test-utils'
import { NAutoComplete, NConfigProvider, NDatePicker, NInput, NInputNumber, NSelect } from 'naive-ui'
import { describe, expect, it } from 'vitest'
import { naiveLocale } from '@/i18n'

const CATCH_ALL = ['请输入', '请选择', 'Please Input', 'Please Select']

function render(lang: string, withOwn = false) {
  const { locale, dateLocale } = naiveLocale(lang)
  const own = withOwn ? { placeholder: 'e.g. 3.2.0' } : {}
  return mount(() =>
    h(NConfigProvider, { locale, dateLocale }, () => [
      h(NInput, own),
      h(NInput, { type: 'textarea', ...own }),
      h(NInputNumber, own),
      h(NSelect, { options: [{ label: 'A', value: 'a' }], ...own }),
      h(NAutoComplete, { options: [], ...own }),
      h(NDatePicker, { type: 'date' }),
    ]),
  )
}

/** shown lists the placeholders the user sees: input attributes and the select's placeholder text. */
function shown(w: ReturnType<typeof render>): string[] {
  const attrs = w.findAll('input, textarea').map((e) => e.attributes('placeholder') ?? '')
  const select = w.findAll('.n-base-selection-placeholder').map((e) => e.text())
  return [...attrs, ...select].filter(Boolean)
}

describe("Naive UI's catch-all placeholders", () => {
  for (const lang of ['zh-CN', 'en']) {
    it(`do not show in ${lang}: an input without its own hint stays empty`, () => {
      const seen = shown(render(lang))
      for (const word of CATCH_ALL) expect(seen).not.toContain(word)
      // The date picker keeps its own, which says what to pick.
      expect(seen).toEqual([lang === 'en' ? 'Select Date' : '选择日期'])
    })

    it(`leave an input's own hint in ${lang}`, () => {
      const seen = shown(render(lang, true))
      expect(seen.filter((s) => s === 'e.g. 3.2.0')).toHaveLength(5)
    })
  }
})
