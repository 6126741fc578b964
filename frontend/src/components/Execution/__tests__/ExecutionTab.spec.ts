import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DossierView } from '@/bridge'
import DossierView_ from '@/views/DossierView.vue'
import { backend, byTestId, click, mountUI, ready, SAMPLE, type } from '@/test/mount'
import { answer } from '@/test/stub'

// Release day of a planned upgrade, as the release operator: the runbook is
// filled in (action-execution holds the dossier as read then), the package
// deployed differs from the one approved.
const before = answer<DossierView>('action-execution', 'DossierAPI.Get', 'release_operator')
const id = before.state.id

describe('execution tab', () => {
  it('shows a package mismatch in red and blocks the release until the operator explains it', async () => {
    document.body.innerHTML = ''
    const b = backend(...SAMPLE, 'dossier-upgrade-executing', 'action-execution').as('release_operator')
    await ready()
    await mountUI(DossierView_, { props: { id }, path: `/dossiers/${id}?tab=execution` })
    for (let i = 0; i < 4; i++) await flushPromises()
    // The backend's reason the release cannot be declared yet: the package is not re-hashed.
    expect(byTestId('release-blocked')?.textContent).toContain('请先核对发布的程序包。')
    expect((byTestId('release') as HTMLButtonElement).disabled).toBe(true)

    await click('package-check')
    expect(b.callsOf('DossierAPI.CheckPackageFromDialog')).toEqual([[id]])
    expect(byTestId('package-result')?.dataset.match).toBe('false')
    expect(byTestId('package-result')?.textContent).toContain('不一致')
    expect(byTestId('package-result')?.textContent).toContain('crm-2.3.0.zip')
    expect(byTestId('package-mismatch')).not.toBeNull()
    expect((byTestId('release') as HTMLButtonElement).disabled).toBe(true)
    expect(byTestId('release-blocked')?.textContent).toContain('不一致，需先说明差异')

    await type('override-reason', '测试环境重新打包，内容一致')
    await click('override')
    expect(b.callsOf('DossierAPI.Override')).toEqual([[id, '测试环境重新打包，内容一致']])
    expect(byTestId('override-record')?.textContent).toContain('测试环境重新打包，内容一致')
    expect(byTestId('override-record')?.textContent).toContain('马超')
    expect(byTestId('override-mark')?.textContent).toContain('程序包差异已说明')
    expect(byTestId('release-blocked')).toBeNull()
    expect((byTestId('release') as HTMLButtonElement).disabled).toBe(false)

    await click('release')
    expect(b.callsOf('DossierAPI.Release')).toEqual([[id, '']])
    expect(byTestId('signoff-panel')?.textContent).toContain('马超')
    expect(byTestId('release')).toBeNull()
    expect(b.misses).toEqual([])
  })
})
