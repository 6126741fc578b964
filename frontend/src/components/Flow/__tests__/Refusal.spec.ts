import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { toAppError, type Answer, type DecideRequest, type DossierView } from '@/bridge'
import ErrorAlert from '@/components/ErrorAlert/ErrorAlert.vue'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer, fixture, type StubBackend } from '@/test/stub'

// A refused submission names everything missing, and its box and red marks
// go as soon as the cause is fixed (the backend is asked again after each
// upload: DossierAPI.CheckSubmit, recorded in refusal-narrows and
// refusal-cleared by app/fixtures_refusal_test.go).

const settle = async () => {
  for (let i = 0; i < 6; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
  }
}

async function openApproval(id: string, ...files: string[]): Promise<StubBackend> {
  return openAs('system_owner', id, ...files)
}

async function openAs(role: string, id: string, ...files: string[]): Promise<StubBackend> {
  const b = backend(...SAMPLE, ...files).as(role)
  await ready()
  await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=approval` })
  await settle()
  return b
}

/** upload chooses a file for a deliverable, as the window's file input does. */
async function upload(deliverable: string, name: string, content: string) {
  const input = byTestId(`attach-input-${deliverable}`) as HTMLInputElement
  expect(input, deliverable).not.toBeNull()
  Object.defineProperty(input, 'files', { value: [new File([content], name)], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
}

const marked = () => [...document.querySelectorAll('[data-testid^="deliverable-"]')].filter((el) => el.textContent?.includes('缺少')).map((el) => (el as HTMLElement).dataset.testid)

describe('a refused submission', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('names every checklist item, unanswered item and deliverable missing, at the first refusal', async () => {
    const refused = fixture('action-submit-refused').find((r) => r.error?.code === 'dossier.checklist_incomplete')!
    const draft = refused.args[0] as string
    const b = await openApproval(draft, 'dossier-upgrade-preparation', 'action-submit-refused')
    await click('submit')
    expect(b.callsOf('DossierAPI.Submit')).toEqual([[draft, {}, '']])

    const params = refused.error!.params!
    const list = byTestId('missing-list')
    expect(list, 'the refusal lists what is missing').not.toBeNull()
    // Checklist items by group, number and title, as the template has them.
    const tpl = answer<{ checklist: { id: string; no: number; title: { zh: string } }[] }>('base', 'TemplateAPI.Current')
    const checklist = params.checklist.split(',')
    expect(checklist).toHaveLength(Number(params.missing))
    for (const cid of checklist) {
      const it = tpl.checklist.find((x) => x.id === cid)!
      expect(byTestId(`missing-checklist-${cid}`)?.textContent).toContain(`第 ${it.no} 项「${it.title.zh}」`)
    }
    expect(byTestId('missing-checklist-pre.training')?.textContent).toBe('上线前必要条件 第 2 项「确认用户培训工作是否完成。」')
    // The approval items and the deliverables the same refusal names.
    const view = answer<DossierView>('dossier-upgrade-preparation', 'DossierAPI.Get', 'system_owner')
    const start = view.state.plan!.steps[0]
    const items = params.items.split(',')
    expect(items).toEqual(start.items!.map((it) => it.id))
    for (const iid of items) expect(byTestId(`missing-item-${iid}`)?.textContent).toBe(start.items!.find((it) => it.id === iid)!.text.zh)
    const delivs = params.deliverables.split(',')
    expect(delivs.length).toBeGreaterThan(0)
    for (const d of delivs) expect(byTestId(`missing-deliverable-${d}`)?.textContent).toBe(start.deliverables!.find((x) => x.id === d)!.name.zh)
    expect(marked()).toEqual(delivs.map((d) => `deliverable-${d}`))
    expect(b.misses).toEqual([])
  })

  it('narrows after each upload and disappears with the last, without another click', async () => {
    const got = fixture('refusal-narrows').find((r) => r.call === 'DossierAPI.Submit')!
    const [id, answers] = got.args as [string, Record<string, Answer>]
    const b = await openApproval(id, 'refusal-narrows')

    await click('answers-all-yes')
    await click('submit')
    expect(b.callsOf('DossierAPI.Submit')).toEqual([[id, answers, '']])
    expect(got.error!.params!.deliverables).toBe('up.1.config_manual,up.1.release_note')
    expect(byTestId('missing-deliverable-up.1.config_manual')).not.toBeNull()
    expect(byTestId('missing-deliverable-up.1.release_note')).not.toBeNull()
    expect(marked()).toEqual(['deliverable-up.1.config_manual', 'deliverable-up.1.release_note'])

    // The first upload lands: the backend, asked again, names only what is left.
    await upload('up.1.config_manual', 'config-manual.docx', 'CRM 2.3 configuration manual\n')
    expect(b.callsOf('DossierAPI.AttachUpload')).toHaveLength(1)
    expect(b.callsOf('DossierAPI.CheckSubmit')).toEqual([[id, answers]])
    expect(byTestId('missing-deliverable-up.1.config_manual')).toBeNull()
    expect(byTestId('missing-deliverable-up.1.release_note')).not.toBeNull()
    expect(marked()).toEqual(['deliverable-up.1.release_note'])

    // The last one lands: the refusal and the red marks are gone, and nothing was submitted.
    b.serve('refusal-cleared')
    await upload('up.1.release_note', 'release-note.docx', 'CRM 2.3 release note\n')
    expect(b.callsOf('DossierAPI.CheckSubmit')).toEqual([[id, answers], [id, answers]])
    expect(byTestId('missing-list')).toBeNull()
    expect(byTestId('error-alert')).toBeNull()
    expect(marked()).toEqual([])
    expect(b.callsOf('DossierAPI.Submit')).toHaveLength(1)
    expect(b.misses).toEqual([])
  })

  it('names them in the message alone too (a toast, the stage button)', async () => {
    backend(...SAMPLE)
    await ready()
    const refused = fixture('action-submit-refused').find((r) => r.error?.code === 'dossier.checklist_incomplete')!
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: toAppError(JSON.stringify(refused.error)) } })
    const text = wrapper.text()
    expect(text).toContain(`还有 ${refused.error!.params!.missing} 项准备清单未完成`)
    expect(text).toContain('上线前必要条件 第 2 项「确认用户培训工作是否完成。」')
    expect(text).toContain('管理计划 第 5 项「制定上线后进入试运行阶段的计划和问题处理机制」')
    expect(text).toContain('另外尚缺：')
  })
})

describe('a refused approval', () => {
  it('goes as soon as the items it names are answered', async () => {
    document.body.innerHTML = ''
    const rec = fixture('refusal-approve')
    const refused = rec.find((r) => r.call === 'DossierAPI.Decide')!
    const [id, req] = refused.args as [string, DecideRequest]
    const b = await openAs(refused.viewer, id, 'refusal-approve')

    await click('decide-approve')
    expect(b.callsOf('DossierAPI.Decide')).toEqual([[id, { ...req, answers: {} }]])
    const items = refused.error!.params!.items.split(',')
    expect(items.length).toBeGreaterThan(1)
    expect(byTestId('missing-list')?.textContent).toContain('还不能审批通过')
    for (const it of items) {
      expect(byTestId(`missing-item-${it}`), it).not.toBeNull()
      expect(byTestId(`answer-${it}`)?.classList.contains('missing'), it).toBe(true)
    }

    // Answering them is enough: the backend, asked again, accepts, and the marks go.
    await click('answers-all-yes')
    await settle()
    const asked = rec.find((r) => r.call === 'DossierAPI.CheckDecide')!.args
    expect(b.callsOf('DossierAPI.CheckDecide')).toEqual([asked])
    expect(byTestId('missing-list')).toBeNull()
    for (const it of items) expect(byTestId(`answer-${it}`)?.classList.contains('missing'), it).toBe(false)
    expect(b.callsOf('DossierAPI.Decide')).toHaveLength(1)
    expect(b.misses).toEqual([])
  })
})

describe('a blocked release', () => {
  it('names every runbook row without a result', async () => {
    document.body.innerHTML = ''
    backend(...SAMPLE)
    await ready()
    const v = answer<DossierView>('dossier-upgrade-executing', 'DossierAPI.Get', 'release_operator')
    const blocked = v.actions.release_blocked!
    const rows = blocked.params!.row.split(',')
    expect(rows.length).toBeGreaterThan(1)
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: toAppError(JSON.stringify(blocked)) } })
    expect(wrapper.text()).toContain(`第 ${rows.join('、')} 行尚无结果`)
  })
})
