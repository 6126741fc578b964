import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { AppError, bridge, type VerifyReport } from '@/bridge'
import type { MemoryBridge } from '@/bridge/memory'
import DossierExportMenu from '@/components/Documents/DossierExportMenu.vue'
import RegisterExportButtons from '@/components/Documents/RegisterExportButtons.vue'
import { useDossiersStore } from '@/stores/dossiers'
import { useSessionStore } from '@/stores/session'
import { byTestId, freshBridge, mountUI, ready } from '@/test/mount'
import ProfileView from '@/views/ProfileView.vue'
import VerifyView from '@/views/VerifyView.vue'

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises()
}

const KINDS = ['confirmation', 'approvals', 'test-confirmation', 'user-confirmation', 'archive-index', 'release-note']

let b: MemoryBridge
let dossierId = ''

beforeEach(async () => {
  document.body.innerHTML = ''
  b = freshBridge({ sample: true })
  await ready()
  dossierId = (await b.dossiers.list({ stage: '', system_code: '', type: '', mode: '', month: '', text: '' }))[0].id
})

async function openMenu(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const ui = await mountUI(DossierExportMenu, { props: { dossierId }, locale })
  await ui.wrapper.find('[data-testid="dossier-export"]').trigger('click')
  await settle()
  return ui
}

describe('DossierExportMenu', () => {
  it('lists the six PDF kinds and exports one with the right request', async () => {
    const spy = vi.spyOn(bridge().documents, 'exportPDF')
    await openMenu()
    const menu = byTestId('export-menu')!
    expect(menu).not.toBeNull()
    for (const k of KINDS) expect(byTestId(`export-pdf-${k}`)).not.toBeNull()
    expect(menu.querySelectorAll('[data-testid^="export-pdf-"]').length).toBe(6)
    expect(menu.textContent).toContain('系统上线申请确认书')
    expect(menu.textContent).toContain('归档清单')
    expect(menu.textContent).toContain('用户测试报告模板（Excel）')
    for (const d of ['release_note', 'application_confirmation', 'release_test_confirmation']) expect(byTestId(`export-generate-${d}`)).not.toBeNull()

    byTestId('export-pdf-approvals')!.click()
    await settle()
    expect(spy).toHaveBeenCalledWith({ kind: 'approvals', dossier: dossierId, year: 0, lang: 'zh' })
    // The written file is announced with an open button.
    expect(document.body.textContent).toContain('/home/user/approvals-')
    expect(byTestId('export-open')).not.toBeNull()
    expect(b.written().size).toBe(1)
  })

  it('uses the chosen document language', async () => {
    const spy = vi.spyOn(bridge().documents, 'exportPDF')
    await openMenu()
    byTestId('export-lang-en')!.querySelector('input')!.click()
    await settle()
    byTestId('export-pdf-release-note')!.click()
    await settle()
    expect(spy).toHaveBeenCalledWith({ kind: 'release-note', dossier: dossierId, year: 0, lang: 'en' })
  })

  it('says nothing when the save dialog is cancelled, and translates errors', async () => {
    b.setPicker(() => null)
    await openMenu('en')
    byTestId('export-pdf-confirmation')!.click()
    await settle()
    expect(byTestId('export-open')).toBeNull()
    expect(document.body.textContent).not.toContain('Saved')

    vi.spyOn(bridge().documents, 'exportPDF').mockRejectedValueOnce(new AppError('profile.locked'))
    await byTestIdClickMenu()
    expect(document.body.textContent).toContain('Unlock a profile')
  })

  it('generates a standard document and attaches it to the dossier', async () => {
    await useDossiersStore().open(dossierId)
    const spy = vi.spyOn(bridge().documents, 'generate')
    await openMenu()
    byTestId('export-generate-release_note')!.click()
    await settle()
    expect(spy).toHaveBeenCalledWith(dossierId, 'release_note', 'zh')
    const deliv = useDossiersStore().current!.state.flow!.deliverables ?? {}
    expect(Object.values(deliv).flat().some((v) => v.name === `release_note-${dossierId}.pdf`)).toBe(true)
  })
})

async function byTestIdClickMenu() {
  (document.body.querySelector('[data-testid="dossier-export"]') as HTMLElement).click()
  await settle()
  byTestId('export-pdf-confirmation')!.click()
  await settle()
}

describe('RegisterExportButtons', () => {
  it('maps the list filters to the register filter', async () => {
    const spy = vi.spyOn(bridge().documents, 'exportRegister')
    const stats = vi.spyOn(bridge().documents, 'exportStats')
    const store = useDossiersStore()
    store.filter.month = '2026-12'
    store.filter.system_code = 'CRM'
    const { wrapper } = await mountUI(RegisterExportButtons)
    await wrapper.find('[data-testid="export-register"]').trigger('click')
    await settle()
    expect(spy).toHaveBeenCalledWith({ year: 2026, window: '', system: 'CRM', lang: 'zh' })
    await wrapper.find('[data-testid="export-stats"]').trigger('click')
    await settle()
    expect(stats).toHaveBeenCalledWith({ year: 2026, window: '', system: 'CRM', lang: 'zh' })
  })
})

describe('VerifyView', () => {
  const differs: VerifyReport = {
    status: 'differs',
    signature: { valid: true, signer: '王芳', fingerprint: 'ab12cd34ef56ab12cd34ef56ab12cd34', certificate: 'ff00', known: true, sample: true, signed_at: '2026-12-10T19:00:00+08:00' },
    payload: {
      format: 'golive-doc/1', kind: 'confirmation', number: 'GL-2026-0007', lang: 'zh', dossier: 'D-0007', event: 'e1f2', sha256: '00',
      signed: [{ for: 'dept_review', fp: 'ab12cd34ef56ab12cd34ef56ab12cd34', how: 'self' }, { for: 'filing', fp: '99887766554433221100998877665544', how: 'witnessed' }],
    },
    title: '系统上线申请确认书',
    newer_events: 3,
    differences: [{ field: 'approvals[1].rows[0].remark', document: '同意上线', store: '同意，注意回退' }],
    problems: [{ code: 'verify.differs', params: { count: '1' }, message: 'differs' }],
  }

  it('renders a differs report with its differences', async () => {
    vi.spyOn(bridge().documents, 'verifyFromDialog').mockResolvedValue(differs)
    const { wrapper } = await mountUI(VerifyView, { path: '/verify' })
    await wrapper.find('[data-testid="verify-pick"]').trigger('click')
    await settle()
    const status = wrapper.find('[data-testid="verify-status"]')
    expect(status.attributes('data-status')).toBe('differs')
    expect(status.text()).toContain('有差异')
    expect(wrapper.find('[data-testid="verify-signature"]').text()).toContain('签名有效')
    expect(wrapper.find('[data-testid="verify-dossier"]').text()).toBe('D-0007')
    const signers = wrapper.findAll('[data-testid="verify-signer"]')
    expect(signers.length).toBe(2)
    expect(signers[0].text()).toContain('ab12 cd34')
    expect(signers[0].text()).toContain('本人签名')
    expect(signers[1].text()).toContain('见证签署')
    const rows = wrapper.findAll('[data-testid="verify-difference"]')
    expect(rows.length).toBe(1)
    expect(rows[0].text()).toContain('approvals[1].rows[0].remark')
    expect(rows[0].text()).toContain('同意上线')
    expect(rows[0].text()).toContain('同意，注意回退')
    expect(wrapper.find('[data-testid="verify-newer"]').text()).toContain('3')
    expect(wrapper.find('[data-testid="verify-problem"]').text()).toBe('文档与本数据文件夹中的记录有 1 处不同。')
  })

  it('checks an exported PDF against the store (memory bridge) and ignores a cancelled dialog', async () => {
    const x = await b.documents.exportPDF({ kind: 'confirmation', dossier: dossierId, year: 0, lang: 'zh' })
    const data = b.written().get(x.path)!
    b.setPicker(() => ({ name: 'c.pdf', data }))
    const { wrapper } = await mountUI(VerifyView, { path: '/verify', locale: 'en' })
    await wrapper.find('[data-testid="verify-pick"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="verify-status"]').attributes('data-status')).toBe('match')
    b.setPicker(() => null)
    await wrapper.find('[data-testid="verify-pick"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="verify-status"]').attributes('data-status')).toBe('match')
  })
})

describe('ProfileView certificate', () => {
  it('shows the signing certificate of the current profile', async () => {
    expect(useSessionStore().current).not.toBeNull()
    const { wrapper } = await mountUI(ProfileView, { path: '/profile' })
    await settle()
    const card = wrapper.find('[data-testid="profile-certificate"]')
    expect(card.text()).toContain('PDF 签名证书')
    expect(wrapper.find('[data-testid="certificate-subject"]').text()).toContain('CN=')
    expect(wrapper.find('[data-testid="certificate-fingerprint"]').text()).not.toBe('')
    expect(wrapper.find('[data-testid="certificate-validity"]').text()).toContain('至')
  })
})
