import { beforeEach, describe, expect, it } from 'vitest'
import { isCode } from '@/bridge'
import { useSessionStore } from '@/stores/session'
import { freshBridge, ready } from '@/test/mount'

describe('session store', () => {
  beforeEach(async () => {
    freshBridge()
    await ready()
  })

  it('creates a profile and unlocks it', async () => {
    const s = useSessionStore()
    expect(s.unlocked).toBe(false)
    const p = await s.create({ name: 'Li Na', department: 'Biz Apps', roles: ['project_manager'], passphrase: 'correct horse' })
    expect(s.unlocked).toBe(true)
    expect(s.current?.name).toBe('Li Na')
    expect(s.profiles.map((x) => x.id)).toEqual([p.id])
    expect(p.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/)
  })

  it('refuses a short passphrase with keys.weak_passphrase', async () => {
    const err = await useSessionStore().create({ name: 'A', department: 'B', roles: ['cio'], passphrase: 'short' }).catch((e) => e)
    expect(isCode(err, 'keys.weak_passphrase')).toBe(true)
    expect(err.params).toEqual({ min: '8' })
  })

  it('unlocks with the right passphrase and refuses a wrong one without changing anything', async () => {
    const s = useSessionStore()
    const p = await s.create({ name: 'Li Na', department: 'Biz Apps', roles: ['project_manager'], passphrase: 'correct horse' })
    await s.lock()
    expect(s.current).toBeNull()

    const err = await s.unlock(p.id, 'wrong horse').catch((e) => e)
    expect(isCode(err, 'keys.wrong_passphrase')).toBe(true)
    expect(s.current).toBeNull()

    await s.unlock(p.id, 'correct horse')
    expect(s.current?.id).toBe(p.id)
  })
})
