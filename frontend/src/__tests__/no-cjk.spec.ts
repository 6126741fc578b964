import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Every user-visible string goes through i18n. The one check of that is
// scripts/check-no-cjk.mjs (also run by `make check-cjk`); this spec runs it.
const frontend = resolve(__dirname, '..', '..')

describe('source files', () => {
  it('hold no Chinese text outside src/i18n (scripts/check-no-cjk.mjs)', () => {
    const run = spawnSync(process.execPath, ['scripts/check-no-cjk.mjs'], { cwd: frontend, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})
