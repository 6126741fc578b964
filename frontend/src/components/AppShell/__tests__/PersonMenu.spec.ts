import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Profile, ProfileCreateRequest } from '@/bridge'
import AppHeader from '@/components/AppShell/AppHeader.vue'
import { makeI18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { useTemplateStore } from '@/stores/template'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture } from '@/test/stub'

const zh = makeI18n('zh-CN').global.t
const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

/** roleNames is how the menu names a profile's roles: the template's names, in order. */
function roleNames(p: Profile) {
  const tpl = useTemplateStore()
  return p.roles.map((r) => tpl.role(r)?.name.zh ?? r).join(zh('common.listSep'))
}

// Recorded by app/fixtures_switch_test.go: the project manager signed in,
// the PMO unlocked earlier in the session, everyone else locked.
const listAsPM = answer<Profile[]>('switch', 'ProfileAPI.List', 'project_manager')
const pm = listAsPM.find((p) => p.roles.includes('project_manager'))!
const pmo = listAsPM.find((p) => p.unlocked && p.id !== pm.id)!
const director = answer<Profile>('switch', 'ProfileAPI.Unlock', 'biz_apps_director')

describe('the person menu in the top bar', () => {
  it('offers 新建身份 and shows the only profile with its department and roles', async () => {
    document.body.innerHTML = ''
    const first = fixture('start').find((r) => r.call === 'ProfileAPI.Create' && !r.error)!.args[0] as ProfileCreateRequest
    backend('start')
    await ready()
    const me = await useSessionStore().create(first)
    await mountUI(AppHeader)
    await click('header-person')
    const row = byTestId(`person-row-${me.id}`)!
    expect(row.dataset.state).toBe('current')
    expect(row.textContent).toContain(first.department)
    expect(byTestId(`person-roles-${me.id}`)!.textContent).toBe(roleNames(me))
    expect(byTestId('person-new')).not.toBeNull()
    await click('person-new')
    expect(byTestId('profile-create-form')).not.toBeNull()
  })

  it('switches back to a profile unlocked in this session in one click, and asks a locked one its passphrase in its row', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'switch').as('project_manager')
    await ready()
    const s = useSessionStore()
    await mountUI(AppHeader)
    await click('header-person')

    // Every profile of this laptop, with department and roles.
    const rows = document.body.querySelectorAll('[data-testid^="person-row-"]')
    expect(rows.length).toBe(listAsPM.length)
    for (const p of listAsPM) {
      expect(byTestId(`person-row-${p.id}`)!.textContent).toContain(p.department)
      expect(byTestId(`person-roles-${p.id}`)!.textContent).toBe(roleNames(p))
    }
    expect(byTestId(`person-row-${pm.id}`)!.dataset.state).toBe('current')
    expect(byTestId(`person-row-${pmo.id}`)!.dataset.state).toBe('unlocked')
    expect(byTestId(`person-row-${director.id}`)!.dataset.state).toBe('locked')
    expect(byTestId('person-hint')!.textContent).toBe(zh('header.staysUnlocked'))

    // The PMO: no passphrase, one click.
    await click(`person-row-${pmo.id}`)
    await settle()
    expect(b.callsOf('ProfileAPI.Switch')).toEqual([[pmo.id]])
    expect(b.callsOf('ProfileAPI.Unlock')).toEqual([])
    expect(s.current?.id).toBe(pmo.id)
    expect(byTestId('header-person-name')!.textContent).toBe(pmo.name)

    // A locked director: the passphrase in the row; a wrong one is said there.
    await click('header-person')
    expect(byTestId('person-passphrase')).toBeNull()
    await click(`person-row-${director.id}`)
    expect(b.callsOf('ProfileAPI.Switch')).toEqual([[pmo.id]])
    await type('person-passphrase', 'wrong passphrase')
    await click('person-unlock-submit')
    await settle()
    expect(byTestId('person-menu')!.textContent).toContain(zh('errors.keys.wrong_passphrase'))
    expect(s.current?.id).toBe(pmo.id)
    await type('person-passphrase', 'golive-sample')
    await click('person-unlock-submit')
    await settle()
    expect(b.callsOf('ProfileAPI.Unlock')).toEqual([
      [director.id, 'wrong passphrase'],
      [director.id, 'golive-sample'],
    ])
    expect(s.current?.id).toBe(director.id)
    expect(byTestId('header-person-name')!.textContent).toBe(director.name)
    // The list now marks the three as unlocked, as the backend says.
    const now = Object.fromEntries(s.profiles.map((p) => [p.id, p.unlocked ?? false]))
    expect([now[pm.id], now[pmo.id], now[director.id]]).toEqual([true, true, true])
    expect(b.misses).toEqual([])
  })

  it('says which profile needs its passphrase when it was locked meanwhile', async () => {
    document.body.innerHTML = ''
    backend(...SAMPLE, 'errors')
    await ready()
    const err = await useSessionStore()
      .switchTo(pmo.id)
      .catch((e) => e)
    // Recorded after Lock, signed out: the PMO's key was forgotten.
    expect(err.code).toBe('profile.not_unlocked')
    expect(zh('errors.profile.not_unlocked', err.params)).toContain(pmo.name)
  })
})
