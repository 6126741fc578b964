import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import DossierView from '@/views/DossierView.vue'
import { utf8 } from '@/bridge/memory/sha256'
import { byTestId, mountUI } from '@/test/mount'
import { workflowFixture } from '@/test/workflow'

const click = async (id: string) => {
  byTestId(id)!.click()
  await flushPromises()
}

describe('execution tab', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('shows a package mismatch in red and blocks the release until the operator explains it', async () => {
    const fx = await workflowFixture()
    const id = await fx.dossier()
    await fx.submit(id)
    let v = await fx.b.dossiers.get(id)
    while (v.state.flow!.phase === 'approval') v = await fx.approve(id)
    await fx.as('release_operator')
    await fx.b.dossiers.saveRunbook(id, [{ no: 1, action: 'deploy', planned_at: '', started_at: '', ended_at: '', operator: 'op', result: 'ok', notes: '' }], [])
    fx.b.setPicker(() => ({ name: 'crm-2.3.0.zip', data: utf8('a package rebuilt on the day') }))
    await mountUI(DossierView, { props: { id }, path: `/dossiers/${id}?tab=execution` })

    await click('package-check')
    expect(byTestId('package-result')?.dataset.match).toBe('false')
    expect(byTestId('package-result')?.textContent).toContain('不一致')
    expect(byTestId('package-mismatch')).not.toBeNull()
    expect((byTestId('release') as HTMLButtonElement).disabled).toBe(true)
    expect(byTestId('release-blocked')?.textContent).toContain('不能确认发布完成')

    const reason = byTestId('override-reason') as HTMLTextAreaElement
    reason.value = '测试环境重新打包，内容一致'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    await click('override')
    expect(byTestId('override-record')?.textContent).toContain('测试环境重新打包，内容一致')
    expect(byTestId('override-mark')?.textContent).toContain('程序包差异已说明')
    expect((byTestId('release') as HTMLButtonElement).disabled).toBe(false)
    await click('release')
    expect((await fx.b.dossiers.get(id)).state.flow!.execution.released).toBeTruthy()
  })
})
