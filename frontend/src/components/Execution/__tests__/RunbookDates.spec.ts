import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView, RunbookRow } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer } from '@/test/stub'

// On 12-01 the release operator types the 12-10 release night into the
// first step's actual start (action-execution records what the backend
// said): the runbook is not saved, and the refusal names the row, the time
// typed and the time now.
const before = answer<DossierView>('action-execution', 'DossierAPI.Get', 'release_operator')
const id = before.state.id

describe('runbook dates', () => {
  it('shows the backend’s refusal of a start time that has not come yet', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'dossier-upgrade-executing', 'action-execution').as('release_operator')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=execution` })
    for (let i = 0; i < 4; i++) await flushPromises()

    await type('runbook-started-1', '2026-12-10 19:00')
    await click('runbook-save')
    for (let i = 0; i < 4; i++) await flushPromises()
    const sent = b.callsOf('DossierAPI.SaveRunbook')
    expect(sent.length).toBe(1)
    expect((sent[0][1] as RunbookRow[])[0].started_at).toBe('2026-12-10 19:00')
    const runbook = byTestId('runbook')?.textContent ?? ''
    expect(runbook).toContain('发布步骤第 1 行的实际开始时间 2026-12-10 19:00 晚于现在（2026-12-01 10:00）')
    // Nothing was saved: the edit stays, marked unsaved.
    expect((byTestId('runbook-started-1') as HTMLInputElement).value).toBe('2026-12-10 19:00')
    expect(runbook).toContain('未保存')
    expect(b.misses).toEqual([])
  })
})
