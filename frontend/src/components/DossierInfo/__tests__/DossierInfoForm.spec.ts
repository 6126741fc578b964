import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView } from '@/bridge'
import DossierInfoForm from '@/components/DossierInfo/DossierInfoForm.vue'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, type StubBackend } from '@/test/stub'

// A submitted dossier's information form shows what the approvals cover
// (type, mode, version, window, content) as text, and keeps the fields
// that may still change (title, project manager…) as inputs; a draft
// shows every field as a control. Recorded views of the sample.

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}
const info = () => document.querySelector('[data-testid="dossier-info"]') as HTMLElement
const text = (id: string) => info().querySelector(`[data-testid="${id}"]`)?.textContent?.trim()

describe('dossier information form', () => {
  let b: StubBackend
  beforeEach(async () => {
    document.body.innerHTML = ''
    b = backend(...SAMPLE, 'dossier-upgrade-step3', 'dossier-upgrade-planning', 'dossier-new-archived', 'action-checklist').as('project_manager')
    await ready()
  })

  it('shows a submitted dossier’s locked fields as text', async () => {
    const v = answer<DossierView>('dossier-upgrade-step3', 'DossierAPI.Get', 'project_manager')
    expect(v.state.content.length).toBeGreaterThan(0)
    await mountUI(DossierInfoForm, { props: { dossier: v.state, locked: true } })
    await settle()
    expect(info().querySelector('[data-testid="info-locked"]')).not.toBeNull()
    // No radio, picker or input for what the approvals cover…
    expect(info().querySelectorAll('.n-radio-group, .n-date-picker, .n-time-picker, .n-base-selection')).toHaveLength(0)
    expect(info().querySelector('[data-testid="content-add"]')).toBeNull()
    expect(text('info-version')).toBe(v.state.version)
    expect(text('info-type')).toBe('系统升级上线发布')
    expect(text('info-mode')).toBe('计划内发布')
    for (const [i, c] of v.state.content.entries()) {
      expect(text(`content-ref-${i}`)).toBe(c.ref)
      expect(text(`content-title-${i}`)).toBe(c.title)
    }
    // …and inputs for what may still change.
    expect(info().querySelector('[data-testid="info-title"]')?.tagName).toBe('INPUT')
    expect(info().querySelector('[data-testid="info-pm"]')?.tagName).toBe('INPUT')
    expect(b.misses).toEqual([])
  })

  it('shows every field of a draft as a control', async () => {
    const v = answer<DossierView>('dossier-upgrade-planning', 'DossierAPI.Get', 'project_manager')
    await mountUI(DossierInfoForm, { props: { dossier: v.state } })
    await settle()
    expect(info().querySelectorAll('.n-radio-group').length).toBeGreaterThanOrEqual(3)
    expect(info().querySelector('[data-testid="info-version"]')?.tagName).toBe('INPUT')
    expect(info().querySelector('[data-testid="content-add"]')).not.toBeNull()
    for (const i of v.state.content.keys()) {
      expect(info().querySelector(`[data-testid="content-ref-${i}"]`)?.tagName).toBe('INPUT')
    }
    expect(b.misses).toEqual([])
  })

  it('shows every field of an archived dossier as text, each beside its label', async () => {
    const v = answer<DossierView>('dossier-new-archived', 'DossierAPI.Get', 'project_manager')
    await mountUI(DossierInfoForm, { props: { dossier: v.state, readonly: true } })
    await settle()
    expect(info().querySelectorAll('input, textarea, .n-radio-group, .n-base-selection')).toHaveLength(0)
    expect(text('info-title')).toBe(v.state.title)
    expect(text('info-pm')).toBe(v.state.project_manager)
    // Each label is followed by its field's cell: the grid pairs them.
    const labels = [...info().querySelectorAll('[data-testid="field-label"]')]
    expect(labels.length).toBeGreaterThanOrEqual(8)
    expect(labels[0].textContent?.trim()).toBe('标题')
    expect(labels[0].nextElementSibling?.querySelector('[data-testid="info-title"]')).not.toBeNull()
    expect(info().querySelector('[data-testid="info-locked"]')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('shows a refused field’s error under it, in the error colour of the input', async () => {
    const v = answer<DossierView>('dossier-upgrade-planning', 'DossierAPI.Get', 'project_manager')
    const { wrapper: w } = await mountUI(DossierInfoForm, { props: { dossier: v.state } })
    await settle()
    const version = w.find('[data-testid="info-version"]')
    await version.trigger('focus')
    await version.setValue('')
    await version.trigger('blur')
    await settle()
    const alert = info().querySelector('[role="alert"]')
    expect(alert?.textContent).toMatch(/版本/)
    // The alert sits in the version's cell, under its input, which shows the error state.
    expect(alert?.parentElement?.querySelector('[data-testid="info-version"]')).not.toBeNull()
    expect(alert?.parentElement?.querySelector('.n-input--error-status')).not.toBeNull()
    expect(b.calls.some((c) => c.call === 'DossierAPI.Update')).toBe(true)
  })
})
