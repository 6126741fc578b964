import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises } from '@vue/test-utils'
import type { DossierView, Picked } from '@/bridge'
import { makeI18n } from '@/i18n'
import ExchangeHost from '@/components/Exchange/ExchangeHost.vue'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer } from '@/test/stub'

// Recorded by app/fixtures_package_test.go: the project manager of the upgrade being planned
// opens 登记程序包…, a new version of the package arrives while the dialog is open, and he
// cancels ("action-package"); then he chooses a package ("action-package-chosen").
const before = answer<DossierView>('action-package', 'DossierAPI.Get', 'project_manager')
const id = before.state.id
const pkg = before.state.plan!.steps.flatMap((s) => [...(s.deliverables ?? []), ...(s.rows ?? []).flatMap((r) => r.deliverables ?? [])]).find((d) => d.hash_only)!
const cancelled = answer<Picked>('action-package', 'DossierAPI.RecordPackageFromDialog', 'project_manager')
const chosen = answer<Picked>('action-package-chosen', 'DossierAPI.RecordPackageFromDialog', 'project_manager')
const dropped = answer<Picked>('action-package-dropped', 'DossierAPI.RecordPackageDropped', 'project_manager')
const zh = makeI18n('zh-CN').global.t

const settle = async () => {
  for (let i = 0; i < 5; i++) await flushPromises()
}
/** The success and other toasts on screen. */
const toasts = () => [...document.querySelectorAll('.n-message')].map((e) => e.textContent ?? '')

async function open(...files: string[]) {
  document.body.innerHTML = ''
  const b = backend(...SAMPLE, 'dossier-upgrade-planning', ...files).as('project_manager')
  await ready()
  await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=deliverables` })
  await settle()
  return b
}

describe('recording the release package in the dialog', () => {
  it('reports nothing for a cancelled dialog, and names the version that arrived while it was open', async () => {
    const b = await open('action-package')
    const n = (before.state.flow?.deliverables?.[pkg.id] ?? []).length
    expect(byTestId(`deliverable-${pkg.id}`)?.dataset.versions).toBe(String(n))

    await click(`record-package-${pkg.id}`)
    await settle()
    expect(b.callsOf('DossierAPI.RecordPackageFromDialog')).toEqual([[id, pkg.id]])
    // Nothing was recorded for the dialog: no success of any kind.
    expect(cancelled.name).toBe('')
    expect(toasts()).toEqual([])
    expect(document.body.textContent).not.toContain('已登记')
    // The version uploaded meanwhile is named, and the list shows it.
    const notice = byTestId(`arrived-${pkg.id}`)?.textContent ?? ''
    expect(notice).toContain('选择文件期间，「待发布程序包」有了新版本')
    expect(notice).toContain(`第 ${n + 1} 版 crm-2.3.1.zip（张伟）`)
    expect(byTestId(`deliverable-${pkg.id}`)?.dataset.versions).toBe(String(n + 1))
    expect(byTestId(`version-${pkg.id}-${n + 1}`)?.textContent).toContain('crm-2.3.1.zip')
    expect(b.misses).toEqual([])
  })

  it('names the version recorded for a file chosen in the dialog', async () => {
    const b = await open('action-package', 'action-package-chosen')
    await click(`record-package-${pkg.id}`)
    await settle()
    expect(chosen.version?.name).toBe('crm-2.3.2.zip')
    expect(toasts()).toEqual([zh('deliv.recorded', { name: '待发布程序包', no: chosen.version!.no, file: 'crm-2.3.2.zip' })])
    expect(toasts()[0]).toContain(`第 ${chosen.version!.no} 版的摘要：crm-2.3.2.zip`)
    expect(byTestId(`arrived-${pkg.id}`)).toBeNull()
    expect(byTestId(`version-${pkg.id}-${chosen.version!.no}`)?.textContent).toContain('crm-2.3.2.zip')
    expect(b.misses).toEqual([])
  })
})

describe('dropping the release package on its item', () => {
  it('records it by its path, hash only, never reading the file into the window', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'dossier-upgrade-planning', 'action-package-dropped').as('project_manager')
    await ready()
    const Window = defineComponent({ render: () => h('div', [h(ExchangeHost), h(DossierView_, { id })]) })
    await mountUI(Window, { path: `/dossiers/${id}?tab=deliverables` })
    await settle()
    const item = byTestId(`deliverable-${pkg.id}`)!
    // The window's file drop hands the path over the element under the pointer.
    document.elementFromPoint = () => item.querySelector('.head')
    b.drop(['/home/pm/crm-2.3.3.zip'], 100, 100)
    await settle()
    expect(b.callsOf('DossierAPI.RecordPackageDropped')).toEqual([[id, pkg.id, '/home/pm/crm-2.3.3.zip']])
    expect(b.callsOf('DossierAPI.AttachUpload')).toEqual([])
    expect(b.callsOf('ExchangeAPI.ImportFile')).toEqual([])
    expect(dropped.version?.hash_only).toBe(true)
    expect(toasts()).toEqual([zh('deliv.recorded', { name: '待发布程序包', no: dropped.version!.no, file: 'crm-2.3.3.zip' })])

    // Two at once: one package at a time, nothing recorded.
    b.drop(['/home/pm/a.zip', '/home/pm/b.zip'], 100, 100)
    await settle()
    expect(b.callsOf('DossierAPI.RecordPackageDropped').length).toBe(1)
    expect(item.textContent).toContain('拖入了 2 个文件')
    expect(b.misses).toEqual([])
  })
})
