// The system register of memoryBridge, mirroring backend/system.
import { AppError } from '../errors'
import type { AppSystem, Bridge } from '../types'
import { rfc3339 } from './clock'
import { clone, type MemoryDB } from './db'

export const CLASSES = ['java', 'dotnet', 'packaged', 'web', 'other']
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/

function validate(input: AppSystem): AppSystem {
  const s = { ...input, code: input.code.trim(), name: input.name.trim(), department: input.department.trim(), owner: input.owner.trim() }
  if (!CODE.test(s.code)) throw new AppError('system.code_invalid', { code: s.code })
  if (!s.name) throw new AppError('system.name_required')
  if (!s.department) throw new AppError('system.department_required')
  if (!s.owner) throw new AppError('system.owner_required')
  if (!CLASSES.includes(s.class)) throw new AppError('system.class_invalid', { class: s.class })
  const calls = [...new Set((s.calls ?? []).map((c) => c.trim()).filter(Boolean))].sort()
  if (calls.includes(s.code)) throw new AppError('system.calls_self', { code: s.code })
  return { ...s, calls }
}

export function systemArea(db: MemoryDB, usedByDossier: (code: string) => boolean): Bridge['systems'] {
  const save = (input: AppSystem, create: boolean): AppSystem => {
    const s = validate(input)
    const exists = db.systems.has(s.code)
    if (create && exists) throw new AppError('system.exists', { code: s.code })
    if (!create && !exists) throw new AppError('system.not_found', { code: s.code })
    const unknown = s.calls.find((c) => !db.systems.has(c))
    if (unknown) throw new AppError('system.unknown_call', { code: unknown })
    s.updated_at = rfc3339(db.now())
    db.systems.set(s.code, s)
    return clone(s)
  }
  return {
    async list() {
      return clone([...db.systems.values()].sort((a, b) => a.code.localeCompare(b.code)))
    },
    async classes() {
      return [...CLASSES]
    },
    async create(s) {
      return save(s, true)
    },
    async update(s) {
      return save(s, false)
    },
    async remove(code) {
      if (!db.systems.has(code)) throw new AppError('system.not_found', { code })
      const caller = [...db.systems.values()].find((s) => s.calls.includes(code))
      if (caller) throw new AppError('system.in_use', { code, by: caller.code })
      if (usedByDossier(code)) throw new AppError('system.in_use', { code, by: 'dossier' })
      db.systems.delete(code)
    },
  }
}
