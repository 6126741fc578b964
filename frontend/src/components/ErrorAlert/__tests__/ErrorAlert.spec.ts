import { beforeEach, describe, expect, it } from 'vitest'
import { AppError, toAppError } from '@/bridge'
import ErrorAlert from '@/components/ErrorAlert/ErrorAlert.vue'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { fixture } from '@/test/stub'

/** recorded returns the coded error the backend answered call with in file (as the bridge receives it). */
function recorded(file: string, call: string, code: string): AppError {
  const r = fixture(file).find((x) => x.call === call && x.error?.code === code)
  if (!r) throw new Error(`no ${code} from ${call} in ${file}.json`)
  return toAppError(JSON.stringify(r.error))
}

describe('ErrorAlert', () => {
  beforeEach(async () => {
    document.body.innerHTML = ''
    backend(...SAMPLE)
    await ready()
  })

  it('renders a recorded refusal in zh-CN with its params', async () => {
    const err = recorded('action-submit-refused', 'DossierAPI.Submit', 'dossier.checklist_incomplete')
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: err } })
    expect(wrapper.text()).toContain(`还有 ${err.params.missing} 项准备清单未完成`)
  })

  it('turns ids in params into names (a checklist item)', async () => {
    const err = recorded('action-checklist', 'DossierAPI.SetChecklist', 'dossier.reason_required')
    expect(err.params.item).toBe('pre.training')
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: err } })
    expect(wrapper.text()).toContain('「确认用户培训工作是否完成。」标为不适用时需要填写理由')
  })

  it('renders English when the language is English', async () => {
    const err = recorded('errors', 'SystemAPI.Delete', 'system.in_use')
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: err }, locale: 'en' })
    expect(wrapper.text()).toContain(`System ${err.params.code} cannot be deleted: system ${err.params.by} calls it.`)
  })

  it('shows a generic message with the code for a code it does not know', async () => {
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: new AppError('future.thing') } })
    expect(wrapper.text()).toContain('操作失败（错误代码 future.thing）')
  })

  it('renders nothing without an error', async () => {
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: null } })
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false)
  })
})
