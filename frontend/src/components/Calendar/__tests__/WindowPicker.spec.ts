import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { bridge, isCode, type DossierCreateRequest, type DossierView, type PlanWindow } from '@/bridge'
import DossierCreateForm from '@/components/DossierCreateForm/DossierCreateForm.vue'
import DossierInfoForm from '@/components/DossierInfo/DossierInfoForm.vue'
import { useSystemsStore } from '@/stores/systems'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises()
}
const has = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`).exists()

/** The first open Java window after today, as the backend proposes it. */
const next = answer<PlanWindow>('base', 'WindowAPI.NextOpen', '', 'java')
const created = fixture('action-create').find((r) => r.call === 'DossierAPI.Create' && !r.error)!
const request = created.args[0] as DossierCreateRequest

describe('window picker', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'action-create').as('project_manager')
    await ready()
    await useSystemsStore().load()
  })

  it('replaces the date for planned upgrades only', async () => {
    const { wrapper } = await mountUI(DossierCreateForm, { props: { systemCode: 'CRM' } })
    await settle()
    // Planned upgrade (the default): a window, no free date.
    expect(has(wrapper, 'dossier-window')).toBe(true)
    expect(has(wrapper, 'dossier-planned-date')).toBe(false)
    expect(wrapper.text()).toContain('计划内的升级发布须安排在 Java 类系统的开放窗口内')

    await wrapper.find('[data-testid="dossier-mode-emergency"] input').setValue(true)
    await settle()
    expect(has(wrapper, 'dossier-window')).toBe(false)
    expect(has(wrapper, 'dossier-planned-date')).toBe(true)
    expect(wrapper.text()).toContain('新系统上线和紧急发布可以自行确定日期时间。')

    await wrapper.find('[data-testid="dossier-mode-planned"] input').setValue(true)
    await wrapper.find('[data-testid="dossier-type-new_system"] input').setValue(true)
    await settle()
    expect(has(wrapper, 'dossier-window')).toBe(false)
    expect(has(wrapper, 'dossier-planned-date')).toBe(true)
    expect(b.misses).toEqual([])
  })

  it('creates a planned upgrade in the proposed window, its time taken from the window', async () => {
    expect(request.window).toBe(next.id)
    const { wrapper } = await mountUI(DossierCreateForm, { props: { systemCode: 'CRM' } })
    await settle()
    expect(wrapper.find('[data-testid="dossier-window-select"]').text()).toContain(`${next.date} 周四 ${next.start}–${next.end}`)
    await wrapper.find('[data-testid="dossier-title"]').setValue(request.title)
    await wrapper.find('[data-testid="dossier-version"]').setValue(request.version)
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(b.callsOf('DossierAPI.Create')).toEqual([[{ ...request, content: [] }]])
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false)
    const v = wrapper.findComponent(DossierCreateForm).emitted('created')?.[0]?.[0] as DossierView
    expect(v.state.window).toBe(next.id)
    expect(v.window?.id).toBe(next.id)
    expect(v.state.planned_at).toBe(`${next.date}T${next.start}:00+08:00`)
    expect(b.misses).toEqual([])
  })

  it('passes on the backend’s refusal of a planned upgrade without a window', async () => {
    const refused = fixture('action-create').find((r) => r.error?.code === 'dossier.window_required')!
    const err = await bridge().dossiers.create(refused.args[0] as DossierCreateRequest).catch((e) => e)
    expect(isCode(err, 'dossier.window_required')).toBe(true)
  })

  it('shows the window on the info tab for a planned upgrade and the date for an emergency', async () => {
    const planned = answer<DossierView>('dossier-upgrade-planning', 'DossierAPI.Get', 'project_manager')
    const { wrapper } = await mountUI(DossierInfoForm, { props: { dossier: planned.state } })
    await settle()
    expect(has(wrapper, 'info-window')).toBe(true)
    expect(has(wrapper, 'info-planned-date')).toBe(false)
    expect(wrapper.find('[data-testid="info-window-select"]').text()).toContain(planned.state.window.slice(0, 10))

    const emergency = answer<DossierView>('dossier-emergency-step2', 'DossierAPI.Get', 'project_manager')
    const other = await mountUI(DossierInfoForm, { props: { dossier: emergency.state } })
    await settle()
    expect(has(other.wrapper, 'info-window')).toBe(false)
    expect(has(other.wrapper, 'info-planned-date')).toBe(true)
    expect(b.misses).toEqual([])
  })
})
