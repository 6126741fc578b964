import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { NSelect } from 'naive-ui'
import type { DossierView, TransferTarget } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture } from '@/test/stub'

const settle = async () => {
  for (let i = 0; i < 4; i++) await flushPromises()
}

async function openApproval(role: string, id: string, ...files: string[]) {
  const b = backend(...SAMPLE, ...files).as(role)
  await ready()
  const m = await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=approval` })
  await settle()
  return { b, ...m }
}

describe('decisions under the roster', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('shows a decision made by delegation as 代 孙丽 审批, under the name of who decided', async () => {
    const v = fixture('roster-marks').map((r) => r.result as DossierView).find((x) => x.state.flow?.slots.some((s) => s.decision?.for_name))!
    const slot = v.state.flow!.slots.find((s) => s.decision?.for_name)!
    const key = slot.row ? `${slot.step}/${slot.row}` : slot.step
    const { b } = await openApproval('project_manager', v.state.id, 'roster-marks')
    const card = byTestId(`slot-${key}`)!
    expect(card.querySelector('[data-testid="decision-for"]')?.textContent?.trim()).toBe('代 孙丽 审批')
    expect(card.querySelector('[data-testid="slot-decider"]')?.textContent).toBe(slot.decision!.person_name)
    expect(card.querySelector('[data-testid="decision-witnessed"]')).toBeNull()
    expect(b.misses).toEqual([])
  })

  it('offers the roster’s people, with department and fingerprint, to transfer to (转交)', async () => {
    const rec = fixture('transfer-roster').find((r) => r.call === 'DossierAPI.Transfer')!
    const [id, step, row, to, comment] = rec.args as string[]
    const targets = answer<TransferTarget[]>('transfer-roster', 'DossierAPI.TransferTargets', 'cs_director')
    const { b, wrapper } = await openApproval('cs_director', id, 'transfer-roster')
    await click('decide-transfer')
    expect(b.callsOf('DossierAPI.TransferTargets')).toEqual([[id]])
    const select = wrapper.findComponent(NSelect)
    const options = select.props('options') as { value: string; label: string }[]
    expect(options.map((o) => o.value)).toEqual(targets.map((p) => p.key))
    const first = targets[0]
    expect(options[0].label).toBe(`${first.name} · ${first.department} · 指纹 ${first.fingerprint}`)
    expect(byTestId('transfer-no-roster')).toBeNull()

    select.vm.$emit('update:value', to)
    await flushPromises()
    await type('decision-comment', comment)
    await click('decide-transfer-confirm')
    expect(b.callsOf('DossierAPI.Transfer')).toEqual([[id, step, row, to, comment]])
    expect(byTestId(`slot-${step}/${row}`)?.querySelector('[data-testid="slot-waiting"]')?.textContent).toContain(targets.find((p) => p.key === to)!.name)
    expect(b.misses).toEqual([])
  })
})
