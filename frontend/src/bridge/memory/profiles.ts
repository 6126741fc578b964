// The profile area of memoryBridge. Keys are not generated: a random public
// key stands in, and the passphrase is compared as is.
import { AppError } from '../errors'
import type { Bridge, Profile } from '../types'
import { rfc3339 } from './clock'
import { clone, fingerprint, randomHex, type MemoryDB } from './db'
import { certificateOf } from './documents'

/** The shortest passphrase accepted, as keys.MinPassphrase. */
export const MIN_PASSPHRASE = 8

export function profileArea(db: MemoryDB): Bridge['profiles'] & {
  /** importSample stores a sample profile opened by passphrase. */
  importSample(p: Omit<Profile, 'id' | 'public_key' | 'fingerprint' | 'default' | 'sample'>, passphrase: string, makeDefault: boolean): Profile
} {
  const withDefault = (p: Profile, def: string | undefined): Profile => ({ ...p, default: p.id === def })
  const defaultID = () => db.profiles.find((r) => r.summary.default)?.summary.id
  const add = (p: Profile, passphrase: string, makeDefault: boolean) => {
    if (makeDefault) db.profiles.forEach((r) => (r.summary.default = false))
    db.profiles.push({ summary: { ...p, default: makeDefault }, passphrase })
    return db.profiles[db.profiles.length - 1].summary
  }
  const knownRole = (id: string) => db.template.roles.some((r) => r.id === id)

  return {
    certificate: certificateOf(db),
    importSample(p, passphrase, makeDefault) {
      const pub = randomHex(64)
      return add({ ...p, id: pub.slice(0, 16), public_key: pub, fingerprint: fingerprint(pub), default: false, sample: true }, passphrase, makeDefault)
    },
    async list() {
      const def = defaultID()
      return clone(db.profiles.map((r) => withDefault(r.summary, def)))
    },
    async create(req) {
      const name = (req.name ?? '').trim()
      const department = (req.department ?? '').trim()
      if (!name) throw new AppError('profile.name_required')
      if ([...name].length > 64) throw new AppError('profile.name_too_long', { max: '64' })
      if (!department) throw new AppError('profile.department_required')
      if (!req.roles?.length) throw new AppError('profile.roles_required')
      const roles = [...new Set(req.roles.map((r) => r.trim()).filter(Boolean))].sort()
      const unknown = roles.find((r) => !knownRole(r))
      if (unknown) throw new AppError('profile.unknown_role', { role: unknown })
      if ([...(req.passphrase ?? '')].length < MIN_PASSPHRASE) throw new AppError('keys.weak_passphrase', { min: String(MIN_PASSPHRASE) })
      const pub = randomHex(64)
      const p = add({
        id: pub.slice(0, 16), public_key: pub, name, department, roles, fingerprint: fingerprint(pub),
        created_at: rfc3339(db.now()), default: false, sample: false,
      }, req.passphrase, db.profiles.length === 0)
      db.current = clone(p)
      return clone(p)
    },
    async unlock(id, passphrase) {
      const r = db.profiles.find((x) => x.summary.id === id)
      if (!r) throw new AppError('profile.not_found', { id })
      if (r.passphrase !== passphrase) throw new AppError('keys.wrong_passphrase')
      db.current = clone(r.summary)
      return clone(r.summary)
    },
    async lock() {
      db.current = null
    },
    async current() {
      return clone(db.current)
    },
    async identities() {
      return db.profiles
        .map((r) => ({ public_key: r.summary.public_key, name: r.summary.name, department: r.summary.department, roles: [...r.summary.roles] }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    },
  }
}
