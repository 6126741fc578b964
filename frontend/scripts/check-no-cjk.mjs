// The one check that no Chinese text sits in the frontend's source outside
// src/i18n: every user-visible string goes through the i18n messages.
// Spec files (*.spec.ts) are exempt, as they assert what users see.
// scripts/check-cjk.sh (make check-cjk, make test) runs this file, and the
// Vitest spec src/__tests__/no-cjk.spec.ts imports findCJK from it.
//
// Usage: node frontend/scripts/check-no-cjk.mjs [srcDir]
//   (from any folder; srcDir defaults to frontend/src). Exit 1 on a hit.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * CJK matches the characters that mark Chinese text:
 *   U+3000–U+303F  CJK Symbols and Punctuation (、。「」【】 and the ideographic space)
 *   U+3400–U+4DBF  CJK Unified Ideographs Extension A
 *   U+4E00–U+9FFF  CJK Unified Ideographs
 *   U+F900–U+FAFF  CJK Compatibility Ideographs
 *   U+FF00–U+FFEF  Halfwidth and Fullwidth Forms (，：（）！？)
 */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/

/** The frontend's source folder, wherever the script is run from. */
export const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src')

/** checked reports whether a file (path relative to the source folder) must be free of CJK text. */
const checked = (rel) => /\.(vue|ts)$/.test(rel) && !rel.endsWith('.spec.ts') && rel.split(sep)[0] !== 'i18n'

function walk(dir) {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]))
}

/**
 * findCJK lists every line of a checked file under src that holds CJK
 * text: { file (relative to src), line (1-based), text }, in file order.
 */
export function findCJK(src = SRC) {
  const hits = []
  for (const path of walk(src).sort()) {
    const file = relative(src, path)
    if (!checked(file)) continue
    readFileSync(path, 'utf8').split('\n').forEach((text, i) => {
      if (CJK.test(text)) hits.push({ file, line: i + 1, text: text.trim() })
    })
  }
  return hits
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const src = process.argv[2] ? resolve(process.argv[2]) : SRC
  const hits = findCJK(src)
  if (hits.length) {
    for (const h of hits) console.log(`${join(relative(process.cwd(), src), h.file)}:${h.line}: ${h.text}`)
    console.error(`CJK text found outside src/i18n (${hits.length} lines): move it into the i18n messages`)
    process.exit(1)
  }
  console.log(`no CJK text in .vue/.ts files outside ${join(relative(process.cwd(), src) || '.', 'i18n')}`)
}
