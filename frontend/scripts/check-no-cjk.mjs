// Fails when Chinese text appears in a .vue or .ts file outside src/i18n
// (spec files excepted): every user-visible string goes through i18n.
// Usage: node scripts/check-no-cjk.mjs   (from frontend/)
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/
const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]))
const bad = walk('src')
  .filter((f) => /\.(vue|ts)$/.test(f) && !f.endsWith('.spec.ts') && !relative('src', f).startsWith('i18n'))
  .filter((f) => CJK.test(readFileSync(f, 'utf8')))
if (bad.length) {
  console.error('Chinese text outside src/i18n:\n  ' + bad.join('\n  '))
  process.exit(1)
}
console.log('no Chinese text outside src/i18n')
