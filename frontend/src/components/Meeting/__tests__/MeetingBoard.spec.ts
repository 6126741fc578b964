import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView, MeetingBoard, ProcessTemplate } from '@/bridge'
import MeetingView from '@/views/MeetingView.vue'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

// The review meeting as its chair (the PMO) runs it, on what the backend
// recorded in app/fixtures_meeting_test.go: the evening of two drafts plus
// a dossier already in approval (file "meeting"), a conditional pass
// ("meeting-decided"), and the minutes made ("meeting-closed").

const settle = async () => {
  for (let i = 0; i < 6; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

const board = answer<MeetingBoard>('meeting', 'MeetingAPI.Board', 'pmo')
const id = board.meeting.id
const rowIds = () => [...document.querySelectorAll('[data-testid^="board-row-"]')].map((el) => (el as HTMLElement).dataset.testid!.replace('board-row-', ''))
const text = (testid: string) => byTestId(testid)?.textContent ?? ''

async function openMeeting(...files: string[]): Promise<StubBackend> {
  const b = backend(...SAMPLE, 'roster', 'meeting', ...files).as('pmo')
  await ready()
  await mountUI(MeetingView, { props: { id }, path: `/meetings/${id}` })
  await settle()
  return b
}

describe('the review meeting board', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('lists the agenda worst first, each check with its message, who approvals wait for and the proposed window', async () => {
    const b = await openMeeting()
    const rank: Record<string, number> = { block: 0, warn: 1, ok: 2 }
    const levels = [...document.querySelectorAll('[data-testid^="board-row-"]')].map((el) => (el as HTMLElement).dataset.level!)
    expect(levels).toEqual([...levels].sort((x, y) => rank[x] - rank[y]))
    expect(rowIds()).toEqual(board.rows.map((r) => r.dossier.id))
    expect(levels).toContain('ok')
    expect(text('count-warned')).toBe(`需关注 ${board.warned}`)
    expect(text('count-ready')).toBe(`就绪 ${board.ready}`)

    // The draft with open items: counts and what is missing, by name.
    const open = board.rows.find((r) => r.checks.some((c) => c.code === 'checklist' && c.level === 'warn'))!
    const checklist = open.checks.find((c) => c.code === 'checklist')!
    const row = byTestId(`board-row-${open.dossier.id}`)!
    const tag = row.querySelector('[data-testid="check-checklist"]')!
    expect(tag.textContent).toContain(`检查清单还有 ${checklist.count} 项未完成`)
    expect(tag.textContent).toContain(checklist.names[0].zh)
    expect(row.querySelector('[data-testid="check-deliverables"]')?.textContent).toContain('提交审批还缺')
    expect(text(`board-proposed-${open.dossier.id}`)).toBe(`顺延到：${open.proposed!.name.zh}`)

    // The dossier in approval: the pending approval names its role from the template.
    const pending = board.rows.find((r) => r.checks.some((c) => c.code === 'approvals'))!
    const task = pending.checks.find((c) => c.code === 'approvals')!.tasks![0]
    const tpl = answer<ProcessTemplate>('base', 'TemplateAPI.Current')
    const role = tpl.roles.find((r) => r.id === task.role)!.name.zh
    const approvals = byTestId(`board-row-${pending.dossier.id}`)!.querySelector('[data-testid="check-approvals"]')?.textContent
    expect(approvals).toContain(`等待 ${role}`)
    // …and the people of the roster it waits for, by name.
    const people = pending.checks.find((c) => c.code === 'approvals')!.people!
    expect(people.length).toBeGreaterThan(0)
    expect(approvals).toContain(`等待的人：${people.join('、')}`)
    expect(b.misses).toEqual([])
  })

  it('disables the decision of a row the backend refuses, with its reason', async () => {
    await openMeeting()
    const refused = board.rows.find((r) => r.refusal)!
    expect(refused.refusal!.code).toBe('review.after_submission')
    expect(text(`decide-refusal-${refused.dossier.id}`)).toBe('发布档案已提交审批：评审结论只能在提交之前记录。')
    const radios = [...byTestId(`decide-${refused.dossier.id}`)!.querySelectorAll('input')]
    expect(radios.length).toBe(4)
    expect(radios.every((r) => r.disabled)).toBe(true)
    expect(byTestId(`decide-record-${refused.dossier.id}`)).toBeNull()
    // A row it does not refuse can be decided.
    const free = board.rows.find((r) => !r.refusal)!
    expect(byTestId(`decide-record-${free.dossier.id}`)).not.toBeNull()
  })

  it('sends a conditional pass with its conditions, one a line, and shows the decision after', async () => {
    const rec = fixture('meeting-decided').find((r) => r.call === 'MeetingAPI.Decide')!
    const [, dossier, body] = rec.args as [string, string, { conditions: string[] }]
    const b = await openMeeting()
    // The board is shown: from now on the backend answers as after the decision.
    b.serve('meeting-decided')
    const radio = byTestId(`decide-${dossier}-conditional`)!.querySelector('input') as HTMLInputElement
    radio.click()
    await settle()
    await type(`decide-conditions-${dossier}`, `${body.conditions[0]}\n\n  ${body.conditions[1]}  \n`)
    await click(`decide-record-${dossier}`)
    await settle()
    expect(b.callsOf('MeetingAPI.Decide')).toEqual([[id, dossier, { role: '', meeting: '', title: '', decision: 'conditional', conditions: body.conditions }]])
    expect(byTestId(`board-decision-${dossier}`)?.dataset.decision).toBe('conditional')
    expect(text(`board-decision-${dossier}`)).toContain('本次结论：有条件通过')
    expect(text(`board-decision-${dossier}`)).toContain(body.conditions[1])
    expect(text('count-decided')).toBe('已有结论 1')
    expect(b.misses).toEqual([])
  })

  it('shows one dossier at a time in presenter mode, moves with the arrows, leaves with Esc, and offers nothing to edit', async () => {
    await openMeeting()
    await click('meeting-presenter')
    const shown = () => [...document.querySelectorAll('[data-testid^="presenter-row-"]')].map((el) => (el as HTMLElement).dataset.testid!.replace('presenter-row-', ''))
    const key = async (k: string) => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: k }))
      await settle()
    }
    const presenter = byTestId('presenter')!
    expect(presenter).not.toBeNull()
    expect(shown()).toEqual([board.rows[0].dossier.id])
    expect(text('presenter-pos')).toBe(`第 1 / ${board.rows.length} 份`)
    expect(presenter.textContent).toContain(board.rows[0].dossier.title)
    expect(presenter.querySelectorAll('input, textarea, select, [contenteditable="true"]')).toHaveLength(0)
    await key('ArrowRight')
    expect(shown()).toEqual([board.rows[1].dossier.id])
    await key('ArrowRight')
    await key('ArrowRight')
    expect(shown()).toEqual([board.rows[board.rows.length - 1].dossier.id])
    await key('ArrowLeft')
    expect(shown()).toEqual([board.rows[board.rows.length - 2].dossier.id])
    expect(text('presenter-decision')).toBe('尚无结论')
    await key('Escape')
    expect(byTestId('presenter')).toBeNull()
    // The board is still there, unchanged.
    expect(rowIds()).toEqual(board.rows.map((r) => r.dossier.id))
  })
})

describe('a dossier after the meeting', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('lists its review conditions as their own checklist group, the minutes as the review item evidence, and the review in its history', async () => {
    const view = answer<DossierView>('meeting-closed', 'DossierAPI.Get', 'project_manager')
    const did = view.state.id
    const b = backend(...SAMPLE, 'meeting-closed').as('project_manager')
    await ready()
    await mountUI(DossierView_, { props: { id: did }, path: `/dossiers/${did}?tab=checklist` })
    await settle()
    const group = byTestId('checklist-group-conditions')!
    expect(group, 'a group of review conditions').not.toBeNull()
    expect(group.querySelector('h3')?.textContent).toContain('评审条件')
    const conds = view.state.conditions
    expect(conds).toHaveLength(2)
    for (const c of conds) {
      const row = byTestId(`checklist-row-${c.id}`)!
      expect(group.contains(row)).toBe(true)
      expect(row.textContent).toContain(c.text)
      expect(byTestId(`checklist-status-${c.id}-done`)).not.toBeNull()
    }
    const minutes = view.state.checklist['pre.review_meeting'].file!
    expect(text('checklist-file-pre.review_meeting')).toContain(minutes.name)

    await click('tab-history')
    await settle()
    const page = document.body.textContent ?? ''
    expect(page).toContain('评审会「一月下旬上线评审会」结论：有条件通过（2 项条件）')
    expect(page).toContain(`附上了评审会「一月下旬上线评审会」的会议纪要 ${minutes.name}`)
    expect(b.misses).toEqual([])
  })
})
