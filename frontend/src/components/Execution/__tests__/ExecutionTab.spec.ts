import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import type { DossierView, Picked } from '@/bridge'
import ExchangeHost from '@/components/Exchange/ExchangeHost.vue'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer } from '@/test/stub'

// Release day of a planned upgrade, as the release operator: the runbook is
// filled in (action-execution holds the dossier as read then), the package
// deployed differs from the one approved.
const before = answer<DossierView>('action-execution', 'DossierAPI.Get', 'release_operator')
const id = before.state.id
/** The success and other toasts on screen. */
const toasts = () => [...document.querySelectorAll('.n-message')].map((e) => e.textContent ?? '')

describe('execution tab', () => {
  it('shows a package mismatch in red and blocks the release until the operator explains it', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'dossier-upgrade-executing', 'action-execution').as('release_operator')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=execution` })
    for (let i = 0; i < 4; i++) await flushPromises()
    // The backend's reason the release cannot be declared yet: the package is not re-hashed.
    expect(byTestId('release-blocked')?.textContent).toContain('请先核对发布的程序包。')
    expect((byTestId('release') as HTMLButtonElement).disabled).toBe(true)

    await click('package-check')
    expect(b.callsOf('DossierAPI.CheckPackageFromDialog')).toEqual([[id]])
    expect(byTestId('package-result')?.dataset.match).toBe('false')
    expect(byTestId('package-result')?.textContent).toContain('不一致')
    expect(byTestId('package-result')?.textContent).toContain('crm-2.3.0.zip')
    expect(byTestId('package-mismatch')).not.toBeNull()
    expect((byTestId('release') as HTMLButtonElement).disabled).toBe(true)
    expect(byTestId('release-blocked')?.textContent).toContain('不一致，需先说明差异')

    await type('override-reason', '测试环境重新打包，内容一致')
    await click('override')
    expect(b.callsOf('DossierAPI.Override')).toEqual([[id, '测试环境重新打包，内容一致']])
    expect(byTestId('override-record')?.textContent).toContain('测试环境重新打包，内容一致')
    expect(byTestId('override-record')?.textContent).toContain('马超')
    expect(byTestId('override-mark')?.textContent).toContain('程序包差异已说明')
    expect(byTestId('release-blocked')).toBeNull()
    expect((byTestId('release') as HTMLButtonElement).disabled).toBe(false)

    await click('release')
    expect(b.callsOf('DossierAPI.Release')).toEqual([[id, '']])
    expect(byTestId('signoff-panel')?.textContent).toContain('马超')
    expect(byTestId('release')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('reports nothing when the package dialog is cancelled', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'dossier-upgrade-executing', 'action-execution-cancel').as('release_operator')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=execution` })
    for (let i = 0; i < 4; i++) await flushPromises()
    await click('package-check')
    for (let i = 0; i < 4; i++) await flushPromises()
    expect(b.callsOf('DossierAPI.CheckPackageFromDialog')).toEqual([[id]])
    expect(toasts()).toEqual([])
    expect(document.body.textContent).not.toContain('已核对')
    expect(byTestId('package-result')).toBeNull()
    expect(byTestId('release-blocked')?.textContent).toContain('请先核对发布的程序包。')
    expect(b.misses).toEqual([])
  })

  describe('a package dropped on the window', () => {
    // Recorded by app/fixtures_package_test.go: the new system being released, as its
    // release operator, and the check of a package dropped on the package panel.
    const dropped = answer<DossierView>('action-package-drop', 'DossierAPI.Get', 'release_operator')
    const checked = answer<Picked>('action-package-drop', 'DossierAPI.CheckPackageDropped', 'release_operator')
    const elementFromPoint = document.elementFromPoint
    afterEach(() => {
      document.elementFromPoint = elementFromPoint
    })
    // The window's file drop gives paths and a point; jsdom lays nothing out, so the point
    // is said to be over the element each test names.
    const over = (el: Element | null) => {
      document.elementFromPoint = () => el
    }
    const Window = defineComponent({ render: () => h('div', [h(ExchangeHost), h(DossierView_, { id: dropped.state.id })]) })

    it('goes to the package check when dropped on the package panel, not to the exchange import', async () => {
      document.body.innerHTML = ''
      const b = backend(...SAMPLE, 'action-package-drop').as('release_operator')
      await ready()
      await mountUI(Window, { path: `/dossiers/${dropped.state.id}?tab=execution` })
      for (let i = 0; i < 4; i++) await flushPromises()
      expect(byTestId('package-result')).toBeNull()
      expect(byTestId('package-panel')?.textContent).toContain('也可以把实际发布的程序包拖到这里核对。')

      over(byTestId('package-panel')!.querySelector('.kv'))
      b.drop(['/home/op/oa-1.0.0.zip'], 200, 120)
      for (let i = 0; i < 6; i++) await flushPromises()
      expect(b.callsOf('DossierAPI.CheckPackageDropped')).toEqual([[dropped.state.id, '/home/op/oa-1.0.0.zip']])
      expect(b.callsOf('ExchangeAPI.ImportFile')).toEqual([])
      const check = checked.view.state.flow!.execution.package_check!
      expect(checked.name).toBe('oa-1.0.0.zip')
      expect(byTestId('package-result')?.dataset.match).toBe(String(check.match))
      expect(byTestId('package-result')?.textContent).toContain('oa-1.0.0.zip')
      expect(toasts()).toEqual(['已核对程序包「oa-1.0.0.zip」'])

      // Two files at once: one package at a time, and nothing is checked.
      b.drop(['/home/op/a.zip', '/home/op/b.zip'], 200, 120)
      for (let i = 0; i < 4; i++) await flushPromises()
      expect(byTestId('package-drop-note')?.textContent).toBe('未核对：拖入了 2 个文件，请一次只拖入一个程序包。')
      expect(b.callsOf('DossierAPI.CheckPackageDropped').length).toBe(1)

      // Dropped elsewhere, the file is no package check (and, not being an exchange file, no import).
      over(document.body)
      b.drop(['/home/op/oa-1.0.0.zip'], 5, 5)
      for (let i = 0; i < 4; i++) await flushPromises()
      expect(b.callsOf('DossierAPI.CheckPackageDropped').length).toBe(1)
      expect(b.callsOf('ExchangeAPI.ImportFile')).toEqual([])
      expect(b.misses).toEqual([])
    })
  })
})
