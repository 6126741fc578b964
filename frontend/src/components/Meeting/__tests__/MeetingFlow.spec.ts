import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Attendee, DossierPage, Meeting, MeetingBoard, MeetingCreateRequest } from '@/bridge'
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

/** The dossier picker's search: what was typed, from the first row, 50 at most (app/fixtures_meeting_test.go). */
const search = (text: string) => [{ stage: '', system_code: '', type: '', mode: '', month: '', text }, 0, 50]
/** SEARCH_WAIT outlasts the picker's pause in typing before it searches. */
const SEARCH_WAIT = 300
const waitSearch = async () => {
  await new Promise((r) => setTimeout(r, SEARCH_WAIT))
  await settle()
}
/** menuOptions lists the texts of the options of the open select menu. */
const menuOptions = () =>
  [...document.querySelectorAll<HTMLElement>('.n-base-select-menu')]
    .filter((m) => m.style.display !== 'none')
    .flatMap((m) => [...m.querySelectorAll<HTMLElement>('.n-base-select-option')].map((o) => o.textContent ?? ''))

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
    // The dossier picker starts with the latest planned dossiers, out-of-scope records left out;
    // typing searches the backend (one page), never the whole list.
    expect(b.callsOf('DossierAPI.Page')).toEqual([search('')])
    const first = answer<DossierPage>('meeting', 'DossierAPI.Page', '', ...search(''))
    byTestId('meeting-dossiers')!.querySelector<HTMLElement>('.n-base-selection')!.click()
    await settle()
    expect(menuOptions()).toHaveLength(first.rows.filter((d) => !d.out_of_scope).length)
    expect(first.rows.some((d) => d.out_of_scope)).toBe(true)
    for (const d of first.rows.filter((d) => d.out_of_scope)) expect(menuOptions().join('\n')).not.toContain(d.id)
    await type('meeting-dossiers', req.dossiers[0])
    expect(b.callsOf('DossierAPI.Page')).toHaveLength(1) // not before the pause in typing
    await waitSearch()
    expect(b.callsOf('DossierAPI.Page')).toEqual([search(''), search(req.dossiers[0])])
    expect(menuOptions()).toHaveLength(1)
    await pick('meeting-dossiers', req.dossiers[0])
    expect(b.callsOf('DossierAPI.List')).toEqual([])
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

  it('picks a dossier by keyboard and keeps its label when a later search no longer finds it', async () => {
    const b = backend(...SAMPLE, 'meeting').as('pmo')
    await ready()
    await mountUI(MeetingListView, { path: '/meetings' })
    await settle()
    await click('meeting-new')
    await settle()
    await click('meeting-scope-list')
    const id = req.dossiers[0]
    const found = answer<DossierPage>('meeting', 'DossierAPI.Page', '', ...search(id)).rows[0]
    const label = `${found.title} · ${found.system_name || found.system_code} (${found.id})`
    const input = byTestId('meeting-dossiers')!.querySelector<HTMLInputElement>('input')!
    input.focus()
    await type('meeting-dossiers', id)
    await waitSearch()
    expect(menuOptions()).toEqual([label])
    // Enter takes the option the keyboard points at: the only one found.
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
    await settle()
    const tags = () => [...byTestId('meeting-dossiers')!.querySelectorAll<HTMLElement>('.n-tag')].map((t) => t.textContent?.trim())
    expect(tags()).toEqual([label])
    // A search that finds nothing leaves the chosen dossier and its label as they are.
    b.reply('DossierAPI.Page', { total: 0, offset: 0, rows: [] }, { args: search('no-such-dossier') })
    await type('meeting-dossiers', 'no-such-dossier')
    await waitSearch()
    expect(b.callsOf('DossierAPI.Page').at(-1)).toEqual(search('no-such-dossier'))
    expect(menuOptions()).toEqual([])
    expect(tags()).toEqual([label])
    expect(b.callsOf('DossierAPI.List')).toEqual([])
    expect(b.misses).toEqual([])
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
