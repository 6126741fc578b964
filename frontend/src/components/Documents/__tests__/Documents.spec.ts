import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView, VerifyReport } from '@/bridge'
import type { Certificate } from '@/bridge/documents'
import DossierExportMenu from '@/components/Documents/DossierExportMenu.vue'
import RegisterExportButtons from '@/components/Documents/RegisterExportButtons.vue'
import { useDossiersStore } from '@/stores/dossiers'
import { backend, byTestId, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'
import ProfileView from '@/views/ProfileView.vue'
import VerifyView from '@/views/VerifyView.vue'

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises()
}

const KINDS = ['confirmation', 'approvals', 'test-confirmation', 'user-confirmation', 'archive-index', 'release-note']
// The PDFs the project manager exported from the countersign dossier (documents).
const exports = fixture('documents').filter((r) => r.call === 'DocumentsAPI.ExportPDF')
const dossierId = (exports[0].args[0] as { dossier: string }).dossier

async function openMenu(id: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const ui = await mountUI(DossierExportMenu, { props: { dossierId: id }, locale })
  await ui.wrapper.find('[data-testid="dossier-export"]').trigger('click')
  await settle()
  return ui
}
const choose = async (id: string) => {
  byTestId(id)!.click()
  await settle()
}

describe('DossierExportMenu', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'documents').as('project_manager')
    await ready()
  })

  it('lists the six PDF kinds and exports one with the right request', async () => {
    await openMenu(dossierId)
    const menu = byTestId('export-menu')!
    for (const k of KINDS) expect(byTestId(`export-pdf-${k}`)).not.toBeNull()
    expect(menu.querySelectorAll('[data-testid^="export-pdf-"]').length).toBe(6)
    expect(menu.textContent).toContain('系统上线申请确认书')
    expect(menu.textContent).toContain('归档清单')
    expect(menu.textContent).toContain('用户测试报告模板（Excel）')
    for (const d of ['release_note', 'application_confirmation', 'release_test_confirmation']) expect(byTestId(`export-generate-${d}`)).not.toBeNull()

    await choose('export-pdf-approvals')
    expect(b.callsOf('DocumentsAPI.ExportPDF')).toEqual([[{ kind: 'approvals', dossier: dossierId, year: 0, lang: 'zh' }]])
    // The written file is announced with its path, its pages and an open button.
    const written = exports.find((r) => (r.args[0] as { kind: string }).kind === 'approvals')!.result as { path: string; pages: number }
    expect(document.body.textContent).toContain(written.path)
    expect(byTestId('export-open')).not.toBeNull()
    expect(b.misses).toEqual([])
  })

  it('uses the chosen document language', async () => {
    await openMenu(dossierId)
    byTestId('export-lang-en')!.querySelector('input')!.click()
    await settle()
    await choose('export-pdf-release-note')
    expect(b.callsOf('DocumentsAPI.ExportPDF')).toEqual([[{ kind: 'release-note', dossier: dossierId, year: 0, lang: 'en' }]])
    expect(b.misses).toEqual([])
  })

  it('says nothing when the save dialog is cancelled', async () => {
    // The native dialog cannot be recorded: cancelled, ExportPDF answers an empty Exported.
    b.reply('DocumentsAPI.ExportPDF', { path: '', pages: 0, bytes: 0 })
    await openMenu(dossierId, 'en')
    await choose('export-pdf-confirmation')
    expect(b.callsOf('DocumentsAPI.ExportPDF')).toHaveLength(1)
    expect(byTestId('export-open')).toBeNull()
    expect(document.body.textContent).not.toContain('Saved')
  })

  it('generates a standard document and attaches it to the dossier', async () => {
    const gen = fixture('documents').find((r) => r.call === 'DocumentsAPI.Generate')!
    const id = gen.args[0] as string
    b.serve('dossier-upgrade-released')
    await useDossiersStore().open(id)
    await openMenu(id)
    await choose('export-generate-release_note')
    expect(b.callsOf('DocumentsAPI.Generate')).toEqual([[id, 'release_note', 'zh']])
    const names = Object.values(useDossiersStore().current!.state.flow!.deliverables ?? {}).flat().map((v) => v.name)
    const attached = Object.values((gen.result as DossierView).state.flow!.deliverables ?? {}).flat().filter((v) => v.mime === 'application/pdf').at(-1)!
    expect(names).toContain(attached.name)
    expect(b.misses).toEqual([])
  })
})

describe('DossierExportMenu signed out', () => {
  it('translates the backend’s refusal', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'errors')
    await ready()
    await openMenu(dossierId, 'en')
    await choose('export-pdf-confirmation')
    expect(b.callsOf('DocumentsAPI.ExportPDF')).toEqual([[{ kind: 'confirmation', dossier: dossierId, year: 0, lang: 'en' }]])
    expect(document.body.textContent).toContain('Unlock a profile')
    expect(b.misses).toEqual([])
  })
})

describe('RegisterExportButtons', () => {
  it('maps the list filters to the register filter', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE).as('project_manager')
    await ready()
    // Saving a workbook asks where: the native dialog, cancelled here.
    b.reply('DocumentsAPI.ExportRegister', { path: '', pages: 0, bytes: 0 }).reply('DocumentsAPI.ExportStats', { path: '', pages: 0, bytes: 0 })
    const store = useDossiersStore()
    store.filter.month = '2027-01'
    store.filter.system_code = 'CRM'
    const { wrapper } = await mountUI(RegisterExportButtons)
    await wrapper.find('[data-testid="export-register"]').trigger('click')
    await settle()
    expect(b.callsOf('DocumentsAPI.ExportRegister')).toEqual([[{ year: 2027, quarter: 0, window: '', system: 'CRM', lang: 'zh' }]])
    // Without a month, the year is this year as the backend reads it.
    store.filter.month = ''
    await wrapper.find('[data-testid="export-stats"]').trigger('click')
    await settle()
    expect(b.callsOf('DocumentsAPI.ExportStats')).toEqual([[{ year: 2026, quarter: 0, window: '', system: 'CRM', lang: 'zh' }]])
  })
})

describe('VerifyView', () => {
  it('shows the backend’s report on a PDF exported before the dossier moved on', async () => {
    document.body.innerHTML = ''
    const report = answer<VerifyReport>('documents', 'DocumentsAPI.VerifyFromDialog')
    const b = backend(...SAMPLE, 'documents').as('project_manager')
    await ready()
    const { wrapper } = await mountUI(VerifyView, { path: '/verify' })
    await wrapper.find('[data-testid="verify-pick"]').trigger('click')
    await settle()
    expect(b.callsOf('DocumentsAPI.VerifyFromDialog')).toEqual([[]])
    expect(wrapper.find('[data-testid="verify-status"]').attributes('data-status')).toBe('match')
    expect(wrapper.find('[data-testid="verify-signature"]').text()).toContain('签名有效')
    expect(wrapper.find('[data-testid="verify-signature"]').text()).toContain(report.signature.signer)
    expect(wrapper.find('[data-testid="verify-dossier"]').text()).toBe(report.payload!.dossier)
    expect(wrapper.findAll('[data-testid="verify-signer"]')).toHaveLength(report.payload!.signed.length)
    expect(wrapper.findAll('[data-testid="verify-signer"]')[0].text()).toContain('本人签名')
    expect(wrapper.find('[data-testid="verify-newer"]').text()).toContain(String(report.newer_events))
    expect(wrapper.find('[data-testid="verify-differences"]').exists()).toBe(false)
    expect(b.misses).toEqual([])
  })
})

describe('ProfileView certificate', () => {
  it('shows the signing certificate of the current profile', async () => {
    document.body.innerHTML = ''
    const cert = answer<Certificate>('session', 'ProfileAPI.Certificate', 'project_manager')
    const b = backend(...SAMPLE).as('project_manager')
    await ready()
    const { wrapper } = await mountUI(ProfileView, { path: '/profile' })
    await settle()
    expect(wrapper.find('[data-testid="profile-certificate"]').text()).toContain('PDF 签名证书')
    expect(wrapper.find('[data-testid="certificate-subject"]').text()).toBe(cert.subject)
    expect(wrapper.find('[data-testid="certificate-fingerprint"]').text()).toBe(cert.fingerprint)
    expect(wrapper.find('[data-testid="certificate-validity"]').text()).toContain('至')
    expect(b.misses).toEqual([])
  })
})
