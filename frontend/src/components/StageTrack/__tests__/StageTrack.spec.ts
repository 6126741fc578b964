import { beforeEach, describe, expect, it } from 'vitest'
import StageTrack from '@/components/StageTrack/StageTrack.vue'
import { useTemplateStore } from '@/stores/template'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'

// The stage track draws the template's stages (recorded from the backend)
// with the dossier's: the ones before it done, it current, the rest waiting.

const states = () =>
  ([...document.querySelectorAll('[data-testid^="stage-step-"]')] as HTMLElement[]).map((el) => [el.dataset.testid!.slice('stage-step-'.length), el.dataset.state])

describe('stage track', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    backend(...SAMPLE).as('project_manager')
    await ready()
  })

  it('marks the stages before the current one done and the later ones waiting', async () => {
    const stages = useTemplateStore().stages.map((s) => s.id)
    expect(stages.length).toBeGreaterThanOrEqual(4)
    const at = 2
    await mountUI(StageTrack, { props: { stage: stages[at] } })
    expect(states()).toEqual(stages.map((id, i) => [id, i < at ? 'done' : i === at ? 'current' : 'waiting']))
    const current = document.querySelector('[aria-current="step"]') as HTMLElement
    expect(current.dataset.testid).toBe(`stage-step-${stages[at]}`)
    // The current stage shows its number, a done one a tick.
    expect(current.querySelector('.dot')?.textContent?.trim()).toBe(String(at + 1))
    expect(document.querySelector(`[data-testid="stage-step-${stages[0]}"] .dot svg`)).not.toBeNull()
  })

  it('shows every stage done at the last one', async () => {
    const stages = useTemplateStore().stages.map((s) => s.id)
    await mountUI(StageTrack, { props: { stage: stages.at(-1) } })
    expect(states().map(([, s]) => s)).toEqual(stages.map(() => 'done'))
  })
})
