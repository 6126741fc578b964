import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { bridge, type PlanWindow } from '@/bridge'
import DossierCreateForm from '@/components/DossierCreateForm/DossierCreateForm.vue'
import DossierInfoForm from '@/components/DossierInfo/DossierInfoForm.vue'
import { useDossiersStore } from '@/stores/dossiers'
import { useSystemsStore } from '@/stores/systems'
import { freshBridge, mountUI, ready, signedIn } from '@/test/mount'

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises()
}
const has = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`).exists()

/** The first open Java window after today in the plans in force: what the picker proposes. */
async function firstJavaWindow(): Promise<PlanWindow> {
  const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10)
  const y = Number(today.slice(0, 4))
  for (const year of [y, y + 1]) {
    const w = (await bridge().windows.year(year)).in_force.windows.find((x) => x.class === 'java' && ['open', 'moved'].includes(x.state) && x.date >= today)
    if (w) return w
  }
  throw new Error('no open window')
}

describe('window picker', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    freshBridge()
    await ready()
    await signedIn('王芳')
    await useSystemsStore().save({ code: 'CRM', name: 'CRM', department: 'Biz', owner: '李娜', class: 'java', web_facing: false, calls: [], updated_at: '' }, true)
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
  })

  it('creates a planned upgrade in the proposed window, its time taken from the window', async () => {
    const win = await firstJavaWindow()
    const { wrapper } = await mountUI(DossierCreateForm, { props: { systemCode: 'CRM' } })
    await settle()
    expect(wrapper.find('[data-testid="dossier-window-select"]').text()).toContain(`${win.date} 周四 19:00–23:00`)
    await wrapper.find('[data-testid="dossier-title"]').setValue('CRM 需求变更')
    await wrapper.find('[data-testid="dossier-version"]').setValue('2.3.0')
    await wrapper.find('form').trigger('submit')
    await settle()
    const id = (wrapper.findComponent(DossierCreateForm).emitted('created')?.[0]?.[0] as { state: { id: string } } | undefined)?.state.id
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false)
    expect(id).toBeTruthy()
    const v = await bridge().dossiers.get(id!)
    expect(v.state.window).toBe(win.id)
    expect(v.window?.id).toBe(win.id)
    expect(v.state.planned_at).toBe(`${win.date}T${win.start}:00+08:00`)
  })

  it('refuses a planned upgrade without a window (dossier.window_required) and says so', async () => {
    const err = await bridge().dossiers.create({
      system_code: 'CRM', title: 'T', type: 'upgrade', subtype: 'cr', mode: 'planned', version: '1', planned_at: '2026-12-10T19:00', project_manager: 'P', system_owner: 'O',
    }).catch((e) => e)
    expect(err.code).toBe('dossier.window_required')
  })

  it('shows the window on the info tab for a planned upgrade and the date for an emergency', async () => {
    const win = await firstJavaWindow()
    const store = useDossiersStore()
    const planned = await store.create({
      system_code: 'CRM', title: 'T', type: 'upgrade', subtype: 'cr', mode: 'planned', version: '1', planned_at: `${win.date}T${win.start}`, window: win.id, project_manager: 'P', system_owner: 'O',
    })
    const { wrapper } = await mountUI(DossierInfoForm, { props: { dossier: planned.state } })
    await settle()
    expect(has(wrapper, 'info-window')).toBe(true)
    expect(has(wrapper, 'info-planned-date')).toBe(false)
    expect(wrapper.find('[data-testid="info-window-select"]').text()).toContain(win.date)

    const emergency = await store.create({
      system_code: 'CRM', title: 'E', type: 'upgrade', subtype: 'bugfix', mode: 'emergency', version: '1', planned_at: '2026-12-03T21:00', project_manager: 'P', system_owner: 'O',
    })
    const other = await mountUI(DossierInfoForm, { props: { dossier: emergency.state } })
    await settle()
    expect(has(other.wrapper, 'info-window')).toBe(false)
    expect(has(other.wrapper, 'info-planned-date')).toBe(true)
  })
})
