import { beforeEach, describe, expect, it } from 'vitest'
import { toRaw } from 'vue'
import { isCode, type Profile, type ProfileCreateRequest } from '@/bridge'
import { useSessionStore } from '@/stores/session'
import { backend, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

// What the first person typed in an empty folder (app/fixtures_test.go).
const first = fixture('start').find((r) => r.call === 'ProfileAPI.Create' && !r.error)!.args[0] as ProfileCreateRequest

describe('session store in an empty folder', () => {
  let b: StubBackend
  beforeEach(async () => {
    b = backend('start')
    await ready()
  })

  it('creates the first profile and is signed in with it', async () => {
    const s = useSessionStore()
    expect(s.unlocked).toBe(false)
    expect(s.profiles).toEqual([])
    const p = await s.create(first)
    expect(b.callsOf('ProfileAPI.Create')).toEqual([[first]])
    expect(s.unlocked).toBe(true)
    expect(s.current?.name).toBe(first.name)
    expect(s.profiles.map((x) => x.id)).toEqual([p.id])
    expect(p.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/)
    expect(b.misses).toEqual([])
  })

  it('passes on keys.weak_passphrase with its minimum', async () => {
    const err = await useSessionStore().create({ ...first, passphrase: 'short' }).catch((e) => e)
    expect(isCode(err, 'keys.weak_passphrase')).toBe(true)
    expect(err.params).toEqual({ min: '8' })
    expect(useSessionStore().unlocked).toBe(false)
  })
})

describe('session store in the sample folder', () => {
  let b: StubBackend
  beforeEach(async () => {
    b = backend(...SAMPLE, 'errors')
    await ready()
  })

  it('refuses a wrong passphrase without changing anything, then unlocks and locks', async () => {
    const s = useSessionStore()
    const pm = answer<Profile>('session', 'ProfileAPI.Current', 'project_manager')
    expect(s.current).toBeNull()

    const err = await s.unlock(pm.id, 'wrong passphrase').catch((e) => e)
    expect(isCode(err, 'keys.wrong_passphrase')).toBe(true)
    expect(s.current).toBeNull()

    await s.unlock(pm.id, 'golive-sample')
    expect(s.current?.name).toBe(pm.name)
    // What the profile may do beyond one dossier is the backend's answer.
    expect(s.can).toEqual(answer('session', 'ProfileAPI.Capabilities', 'project_manager'))

    await s.lock()
    expect(s.current).toBeNull()
    expect(b.callsOf('ProfileAPI.Unlock')).toEqual([[pm.id, 'wrong passphrase'], [pm.id, 'golive-sample']])
    expect(b.misses).toEqual([])
  })

  it('keeps the list of identities it holds when the folder answers the same, so the names shown are not drawn again', async () => {
    const s = useSessionStore()
    const first = await s.loadIdentities()
    expect(first.length).toBeGreaterThan(0)
    const again = await s.loadIdentities()
    expect(toRaw(again)).toBe(toRaw(first))
    expect(b.callsOf('ProfileAPI.Identities')).toEqual([[], []])
  })
})
