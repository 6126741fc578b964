import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Every user-visible string goes through i18n: Chinese characters may only
// appear in src/i18n (and in specs, which assert what users see).
const src = resolve(__dirname, '..')
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

describe('source files', () => {
  it('hold no Chinese text outside src/i18n', () => {
    const offenders = files(src)
      .filter((f) => /\.(vue|ts)$/.test(f) && !/\.spec\.ts$/.test(f))
      .map((f) => relative(src, f))
      .filter((f) => !f.startsWith('i18n/'))
      .filter((f) => CJK.test(readFileSync(join(src, f), 'utf8')))
    expect(offenders).toEqual([])
  })
})
