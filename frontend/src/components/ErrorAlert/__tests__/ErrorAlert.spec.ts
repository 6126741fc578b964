import { beforeEach, describe, expect, it } from 'vitest'
import { AppError, toAppError } from '@/bridge'
import ErrorAlert from '@/components/ErrorAlert/ErrorAlert.vue'
import { freshBridge, mountUI, ready } from '@/test/mount'

describe('ErrorAlert', () => {
  beforeEach(async () => {
    freshBridge()
    await ready()
  })

  it('renders a coded error in zh-CN with its params', async () => {
    const err = toAppError('{"code":"dossier.checklist_incomplete","params":{"missing":"5"}}')
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: err } })
    expect(wrapper.text()).toContain('还有 5 项准备清单未完成')
  })

  it('turns ids in params into names (checklist item, stage)', async () => {
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: new AppError('dossier.reason_required', { item: 'pre.training' }) } })
    expect(wrapper.text()).toContain('「确认用户培训工作是否完成。」标为不适用时需要填写理由')
  })

  it('renders English when the language is English', async () => {
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: new AppError('system.in_use', { code: 'ESB', by: 'CRM' }) }, locale: 'en' })
    expect(wrapper.text()).toContain('System ESB cannot be deleted: system CRM calls it.')
  })

  it('shows a generic message with the code for an unknown code', async () => {
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: new AppError('future.thing') } })
    expect(wrapper.text()).toContain('操作失败（错误代码 future.thing）')
  })

  it('renders nothing without an error', async () => {
    const { wrapper } = await mountUI(ErrorAlert, { props: { error: null } })
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false)
  })
})
