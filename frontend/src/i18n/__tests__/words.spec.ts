// One word for each thing (issue 12, defect 8): the person's local profile
// is 身份 / "profile", a release dossier is 发布档案 / "dossier". Bare 档案
// once meant both (切换档案 next to 档案已归档); these checks keep it from
// coming back in either catalogue.
import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'

/** messages lists every leaf message of a catalogue as [key path, text]. */
function messages(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]): [string, string][] =>
    v && typeof v === 'object' ? messages(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
  )
}

/**
 * Keys whose 档案 is neither the person nor a release dossier (e.g. a
 * records office, 档案室). Empty today; add a key only with its reason.
 */
const bareDossierAllowed: readonly string[] = []

/**
 * Words that name the person other than "profile". "identity card" (身份卡,
 * a signed file) and "user" in the business users' documents (用户确认书,
 * 用户测试报告) are other things and stay allowed.
 */
const otherPersonWords = [
  /\bidentit(?:y|ies)\b(?! cards?\b)/i,
  /\baccounts?\b/i,
  /\blog(?:ged)? ?in\b|\blogin\b/i,
  /\buser(?:s|name)?\b(?! (?:confirmation|test|representative))/i,
]

describe('words for the person and the dossier', () => {
  it('zh-CN writes 档案 only as 发布档案', () => {
    const bare = messages(zhCN)
      .filter(([k, text]) => !bareDossierAllowed.includes(k) && /(?<!发布)档案/.test(text))
      .map(([k, text]) => `${k}: ${text}`)
    expect(bare).toEqual([])
  })

  it('zh-CN calls the person 身份, never 个人档案, 账号 or 用户名', () => {
    const other = messages(zhCN)
      .filter(([, text]) => /个人档案|账号|账户|用户名/.test(text))
      .map(([k, text]) => `${k}: ${text}`)
    expect(other).toEqual([])
  })

  it('en calls the person a profile, not an identity, account or user', () => {
    const other = messages(en)
      .filter(([, text]) => otherPersonWords.some((re) => re.test(text)))
      .map(([k, text]) => `${k}: ${text}`)
    expect(other).toEqual([])
  })

  it('the checks catch the old wording', () => {
    // Guards the guards: the texts this issue replaced would fail above.
    expect(/(?<!发布)档案/.test('切换档案')).toBe(true)
    expect(/(?<!发布)档案/.test('发布档案已归档')).toBe(false)
    expect(otherPersonWords.some((re) => re.test('Identity fingerprint'))).toBe(true)
    expect(otherPersonWords.some((re) => re.test('My identity card'))).toBe(false)
    expect(otherPersonWords.some((re) => re.test('User confirmation'))).toBe(false)
  })
})
