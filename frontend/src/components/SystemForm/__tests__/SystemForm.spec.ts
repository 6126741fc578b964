import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SystemsView from '@/views/SystemsView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'

// Recorded by app/fixtures_systems_test.go: a system registered with the code left empty,
// as crm while CRM is registered, then as oa-portal.
const settle = async () => {
  for (let i = 0; i < 5; i++) await flushPromises()
}
const toasts = () => [...document.querySelectorAll('.n-message')].map((e) => e.textContent ?? '')
/** The feedback under the code field (its hint, or the refusal). */
const codeFeedback = () => byTestId('system-code')?.closest('.n-form-item')?.querySelector('.n-form-item-feedback-wrapper')?.textContent ?? ''

describe('registering a system', () => {
  it('asks for an empty code, refuses crm next to CRM, and stores oa-portal as OA-PORTAL', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'systems').as('project_manager')
    b.after('SystemAPI.Create', (s) => s.serve('systems-after'))
    await ready()
    await mountUI(SystemsView, { path: '/systems?new=1' })
    await settle()
    expect(codeFeedback()).toContain('不区分大小写，保存为大写')

    await type('system-name', '客户关系管理')
    await type('system-department', '业务应用部')
    await type('system-owner', '李娜')
    await click('system-save')
    await settle()
    expect(codeFeedback()).toBe('请填写系统代码（如 CRM）。')

    await type('system-code', 'crm')
    await click('system-save')
    await settle()
    expect(codeFeedback()).toBe('系统代码 crm 已被应用系统 CRM 使用（系统代码不区分大小写）。')

    await type('system-code', 'oa-portal')
    await click('system-save')
    await settle()
    expect(toasts()).toEqual(['已保存应用系统 OA-PORTAL'])
    expect(byTestId('system-form')).toBeNull()
    expect(document.body.textContent).toContain('OA-PORTAL')
    expect(b.callsOf('SystemAPI.Create').map((a) => (a[0] as { code: string }).code)).toEqual(['', 'crm', 'oa-portal'])
    expect(b.misses).toEqual([])
  })
})
