// One name per role (issue 12, defect 8): the catalogue's labels that name
// a role of the process template say exactly the role's name (roles[].name
// of the template the backend serves), in both languages, and no message
// spells a director or the PMO the ways the issue found (开发部总监 for the
// 应用开发部总监, 信息管理部项目管理部总监, 项目管理部(PMO)).
import { describe, expect, it } from 'vitest'
import type { ProcessTemplate } from '@/bridge'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'
import { answer } from '@/test/stub'

const tpl = answer<ProcessTemplate>('base', 'TemplateAPI.Current')

/** Catalogue keys whose message is the name of a template role. */
const ROLE_LABELS: Record<string, string> = {
  'fields.project_manager': 'project_manager',
  'fields.system_owner': 'system_owner',
  'list.columns.pm': 'project_manager',
  'systems.owner': 'system_owner',
  'rosterPage.col.owner': 'system_owner',
  'rosterPage.col.devLead': 'release_operator',
  'rosterPage.col.supervisor': 'release_supervisor',
}

function leaf(o: object, path: string): unknown {
  return path.split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), o)
}

function messages(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]): [string, string][] =>
    v && typeof v === 'object' ? messages(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
  )
}

describe('role names', () => {
  it('labels that name a role say its name', () => {
    const wrong: string[] = []
    for (const [key, id] of Object.entries(ROLE_LABELS)) {
      const role = tpl.roles.find((r) => r.id === id)
      expect(role, id).toBeDefined()
      if (leaf(zhCN, key) !== role!.name.zh) wrong.push(`zh-CN ${key}: ${leaf(zhCN, key)} ≠ ${role!.name.zh}`)
      if (leaf(en, key) !== role!.name.en) wrong.push(`en ${key}: ${leaf(en, key)} ≠ ${role!.name.en}`)
    }
    expect(wrong).toEqual([])
  })

  it('no message spells a role another way', () => {
    const names = new Set(tpl.roles.map((r) => r.name.zh))
    expect(names.has('应用开发部总监') && names.has('项目管理部总监')).toBe(true)
    const other = messages(zhCN)
      .filter(([, text]) => /(?<!应用)开发部总监|信息管理部项目管理部总监|项目管理部[(（]PMO[)）]/.test(text))
      .map(([k, text]) => `${k}: ${text}`)
    expect(other).toEqual([])
  })

  it('every step and countersign row shows its role under the role’s name', () => {
    const byId = new Map(tpl.roles.map((r) => [r.id, r.name]))
    for (const f of tpl.flows)
      for (const s of f.steps) {
        expect(s.role_label?.zh ?? '', s.id).toBe('')
        for (const r of s.rows ?? []) expect(r.label, `${s.id}/${r.id}`).toEqual(byId.get(r.role))
      }
  })
})
