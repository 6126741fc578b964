import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'

/** keys lists every leaf key path of a catalogue. */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function leaf(o: object, path: string): unknown {
  return path.split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), o)
}

/** backendCodes collects the error codes the Go backend can return. */
function backendCodes(): string[] {
  // backend/ holds the domain; app/ the bound API (dialogs, uploads) with codes of its own.
  const roots = ['backend', 'app'].map((d) => resolve(__dirname, '../../../..', d)).filter((d) => existsSync(d))
  if (!roots.length) return []
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (name.endsWith('.go') && !name.endsWith('_test.go')) files.push(p)
    }
  }
  roots.forEach(walk)
  const codes = new Set<string>()
  // A code is the first string argument of apperr.New / apperr.Wrap, a Code… constant, or a
  // literal in an error namespace (codes passed through variables, e.g. a table of required fields).
  const patterns = [
    /apperr\.(?:New|Wrap)\([^"()]*"([a-z_]+\.[a-z_]+)"/g,
    /\bCode\w*\s*=\s*"([a-z_]+\.[a-z_]+)"/g,
    /"((?:core|dossier|keys|profile|store|system|template|ledger|workflow|blob|app)\.[a-z_]+)"/g,
  ]
  for (const f of files) {
    const src = readFileSync(f, 'utf8')
    for (const re of patterns) for (const m of src.matchAll(re)) codes.add(m[1])
  }
  // Event kinds share the dotted form but are not errors.
  for (const kind of ['dossier.created', 'dossier.updated', 'dossier.merged', 'dossier.renamed']) codes.delete(kind)
  return [...codes].sort()
}

describe('i18n catalogues', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('have no empty message', () => {
    for (const cat of [zhCN, en]) for (const k of keys(cat)) expect(leaf(cat, k), k).not.toBe('')
  })

  it('translate every error code the backend can return, and "internal"', () => {
    const codes = backendCodes()
    expect(codes.length, 'backend codes found').toBeGreaterThan(40)
    const missing = [...codes, 'internal'].filter((c) => typeof leaf(zhCN, `errors.${c}`) !== 'string')
    expect(missing).toEqual([])
  })

  it('use the same {placeholders} in both languages', () => {
    const ph = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const k of keys(zhCN)) expect(ph(leaf(en, k)), k).toEqual(ph(leaf(zhCN, k)))
  })
})
