import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Attendee, Meeting, MeetingBoard, MeetingCreateRequest } from '@/bridge'
import MeetingListView from '@/views/MeetingListView.vue'
import MeetingView from '@/views/MeetingView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer, fixture } from '@/test/stub'

// Opening a meeting, taking the attendance and making the minutes, on the
// recordings of app/fixtures_meeting_test.go.

const settle = async () => {
  for (let i = 0; i < 6; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}
const text = (testid: string) => byTestId(testid)?.textContent ?? ''

/** pick chooses, in the picker with data-testid id, the option whose text contains text. */
async function pick(id: string, text: string) {
  byTestId(id)!.querySelector<HTMLElement>('.n-base-selection')!.click()
  await flushPromises()
  const open = [...document.querySelectorAll<HTMLElement>('.n-base-select-menu')].filter((m) => m.style.display !== 'none')
  expect(open, id).toHaveLength(1)
  const option = [...open[0].querySelectorAll<HTMLElement>('.n-base-select-option')].find((o) => o.textContent?.includes(text))
  expect(option, `${id}: ${text}`).toBeDefined()
  option!.click()
  await settle()
}

const createRec = fixture('meeting').find((r) => r.call === 'MeetingAPI.Create' && !r.error)!
const created = createRec.result as Meeting
const req = createRec.args[0] as MeetingCreateRequest

describe('the review meetings', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('opens a meeting for a day of the plan, refused without a title, then shows it', async () => {
    const b = backend(...SAMPLE, 'meeting').as('pmo')
    await ready()
    const { router } = await mountUI(MeetingListView, { path: '/meetings' })
    await settle()
    expect(byTestId('meetings-empty')).not.toBeNull()
    await click('meeting-new')
    await settle()
    await pick('meeting-day', req.window)
    await pick('meeting-dossiers', req.dossiers[0])
    await type('meeting-held-at', req.held_at)
    await type('meeting-place', req.place)
    await click('meeting-create-submit')
    await settle()
    expect(text('meeting-create')).toContain('请填写评审会名称。')
    expect(router.currentRoute.value.name).toBe('meetings')
    await type('meeting-title', req.title)
    await click('meeting-create-submit')
    await settle()
    expect(b.callsOf('MeetingAPI.Create')).toEqual([[{ ...req, title: '' }], [req]])
    expect(router.currentRoute.value.fullPath).toBe(`/meetings/${created.id}`)
  })

  it('takes the attendance from the roster: present, delegated with the delegate, absent', async () => {
    const rec = fixture('meeting').find((r) => r.call === 'MeetingAPI.SetAttendance')!
    const att = rec.args[1] as Attendee[]
    const b = backend(...SAMPLE, 'roster', 'meeting').as('pmo')
    await ready()
    await mountUI(MeetingView, { props: { id: created.id }, path: `/meetings/${created.id}` })
    await settle()
    for (const a of att) await pick('attendance-add', a.name)
    expect(byTestId('attendance-unsaved')).not.toBeNull()
    expect((byTestId('attendee-sign-0') as HTMLButtonElement).disabled).toBe(true)
    ;(byTestId('attendee-1-delegated')!.querySelector('input') as HTMLInputElement).click()
    await settle()
    await type('attendee-delegate-1', att[1].delegate!)
    ;(byTestId('attendee-2-absent')!.querySelector('input') as HTMLInputElement).click()
    await settle()
    await click('attendance-save')
    await settle()
    expect(b.callsOf('MeetingAPI.SetAttendance')).toEqual([[created.id, att]])
    expect(byTestId('attendance-unsaved')).toBeNull()
    expect(byTestId('attendee-2')?.dataset.status).toBe('absent')
    // An absent person does not sign; the others can, now the list is saved.
    expect(byTestId('attendee-sign-2')).toBeNull()
    expect((byTestId('attendee-sign-0') as HTMLButtonElement).disabled).toBe(false)
    expect(b.misses).toEqual([])
  })

  it('makes the minutes in the interface language, then only exports them', async () => {
    const after = answer<MeetingBoard>('meeting-closed', 'MeetingAPI.Board', 'pmo')
    const b = backend(...SAMPLE, 'roster', 'meeting', 'meeting-decided', 'meeting-postponed').as('pmo')
    await ready()
    await mountUI(MeetingView, { props: { id: created.id }, path: `/meetings/${created.id}` })
    await settle()
    expect(text('count-decided')).toBe('已有结论 2')
    b.serve('meeting-closed')
    await click('meeting-close')
    await settle()
    expect(b.callsOf('MeetingAPI.Close')).toEqual([[created.id, 'zh-CN']])
    expect(byTestId('meeting-readonly')).not.toBeNull()
    expect(byTestId('meeting-close')).toBeNull()
    expect(text('meeting-minutes')).toContain(after.meeting.minutes!.name)
    for (const r of after.rows) expect(byTestId(`decide-record-${r.dossier.id}`)).toBeNull()
    b.reply('MeetingAPI.ExportMinutes', { path: '/home/user/minutes.pdf', bytes: after.meeting.minutes!.size })
    await click('meeting-export')
    expect(b.callsOf('MeetingAPI.ExportMinutes')).toEqual([[created.id]])
    expect(document.body.textContent).toContain('会议纪要已导出到 /home/user/minutes.pdf')
    expect(b.misses).toEqual([])
  })
})
