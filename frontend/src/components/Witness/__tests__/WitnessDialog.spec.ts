import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Candidate, DecideRequest, DossierView } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture } from '@/test/stub'

// jsdom has no canvas to draw on: the signature pad is replaced at its
// boundary by a button that emits what the pad would (the e2e test draws
// on the real one).
const pad = vi.hoisted(() => ({ ink: '' }))
vi.mock('@/components/Witness/SignaturePad.vue', async () => {
  const { defineComponent, h } = await import('vue')
  return {
    default: defineComponent({
      emits: ['change'],
      setup: (_, { emit }) => () => h('button', { 'data-testid': 'stub-draw', onClick: () => emit('change', pad.ink) }),
    }),
  }
})

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

// The project manager's screen records a 在场签字 on a pending countersign
// row of the sample (file "witness"): the blank pad refused, then the
// approver's handwriting accepted.
const recs = fixture('witness')
const refused = recs.find((r) => r.call === 'DossierAPI.Decide' && r.error)!
const accepted = recs.find((r) => r.call === 'DossierAPI.Decide' && !r.error)!
const [id, blank] = refused.args as [string, DecideRequest]
const req = accepted.args[1] as DecideRequest
const key = `${req.step}/${req.row}`
const candidates = answer<Candidate[]>('witness', 'DossierAPI.Candidates', 'project_manager')
const image = recs.find((r) => r.call === 'DossierAPI.SignatureImage')!.result as string

describe('在场签字 dialog', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('lists who may decide, refuses a blank pad in words, and records the handwriting', async () => {
    const b = backend(...SAMPLE, 'witness').as('project_manager')
    await ready()
    const v = answer<DossierView>('witness', 'DossierAPI.Get', 'project_manager')
    expect(v.actions.witness).toContain(key)
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=approval` })
    await settle()

    await click(`witness-open-${key}`)
    await settle()
    expect(b.callsOf('DossierAPI.Candidates')).toEqual([[id, req.step, req.row]])
    const modal = byTestId('witness-modal')!
    expect(modal.textContent).toContain('在场签字')
    for (const c of candidates) {
      const option = byTestId(`witness-person-${c.person}`)
      expect(option?.textContent).toContain(c.name)
      expect(option?.textContent).toContain(c.department)
    }
    // Nothing drawn yet: the dialog says what is missing and does not submit.
    expect((byTestId('witness-submit') as HTMLButtonElement).disabled).toBe(true)
    expect(byTestId('witness-hint')?.textContent).toBe('请先签名，或上传扫描的签字页。')

    ;(byTestId(`witness-person-${req.witness!.person}`)!.querySelector('input') as HTMLInputElement).click()
    ;(modal.querySelector('[data-testid="answers-all-yes"]') as HTMLElement).click()
    await flushPromises()
    await type('witness-comment', req.comment)

    pad.ink = blank.witness!.image
    await click('stub-draw')
    await click('witness-submit')
    expect(b.callsOf('DossierAPI.Decide')).toEqual([[id, blank]])
    expect(byTestId('witness-modal')?.querySelector('[data-testid="error-alert"]')?.textContent).toContain('签名是空白的')

    pad.ink = req.witness!.image
    await click('stub-draw')
    await click('witness-submit')
    await settle()
    expect(b.callsOf('DossierAPI.Decide')).toEqual([[id, blank], [id, req]])
    expect(req.witness).toEqual({ person: candidates[0].person, image: pad.ink, kind: 'handwritten' })

    const card = byTestId(`slot-${key}`)!
    expect(card.dataset.status).toBe('approved')
    expect(card.querySelector('[data-testid="slot-decider"]')?.textContent).toBe(candidates[0].name)
    expect(card.querySelector('[data-testid="decision-witnessed"]')?.textContent?.trim()).toBe('在场签字')
    expect(card.querySelector('[data-testid="decision-witness-by"]')?.textContent).toBe('见证人 张伟')
    expect(card.querySelector('[data-testid="decision-signature"]')?.getAttribute('src')).toBe(image)
    expect(b.misses).toEqual([])
  })

  it('sends a scanned signature page instead of handwriting (kind scan)', async () => {
    const b = backend(...SAMPLE, 'witness').as('project_manager')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=approval` })
    await settle()
    await click(`witness-open-${key}`)
    await settle()
    ;(byTestId(`witness-person-${req.witness!.person}`)!.querySelector('input') as HTMLInputElement).click()
    await click('witness-kind-scan')
    expect(byTestId('stub-draw')).toBeNull()
    const bytes = Uint8Array.from(atob(req.witness!.image), (c) => c.charCodeAt(0))
    const input = byTestId('witness-scan-input') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File([bytes], 'page.png', { type: 'image/png' })] })
    input.dispatchEvent(new Event('change'))
    await vi.waitFor(() => expect(byTestId('witness-scan-preview')).not.toBeNull())
    await click('witness-submit')
    const sent = b.callsOf('DossierAPI.Decide')
    expect(sent).toHaveLength(1)
    expect((sent[0][1] as DecideRequest).witness).toEqual({ person: req.witness!.person, image: req.witness!.image, kind: 'scan' })
    expect(b.misses).toEqual([])
  })
})
