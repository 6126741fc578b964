import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { CheckReport } from '@/bridge'
import CheckPanel from '@/components/Folder/CheckPanel.vue'
import AppShell from '@/components/AppShell/AppShell.vue'
import GateView from '@/views/GateView.vue'
import { backend, byTestId, click, mountUI, ready } from '@/test/mount'
import { answer } from '@/test/stub'
import { useAppStore } from '@/stores/app'

const settle = async () => {
  for (let i = 0; i < 5; i++) await flushPromises()
}
const texts = (id: string) => [...document.querySelectorAll(`[data-testid="${id}"]`)].map((e) => e.textContent ?? '')

describe('folder check', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('checks the sample folder and reports every area clean', async () => {
    const b = backend('base', 'session', 'check')
    await ready()
    await mountUI(CheckPanel)
    await click('check-run')
    await settle()
    expect(b.callsOf('AppAPI.CheckFolder')).toEqual([[]])
    expect(byTestId('check-ok')?.textContent).toContain('没有发现问题')
    const rep = answer<CheckReport>('check', 'AppAPI.CheckFolder')
    const rows = texts('check-area')
    expect(rows).toHaveLength(rep.areas.length)
    expect(rows[1]).toContain('事件账本')
    expect(rows[1]).toContain(`已检查 ${rep.areas[1].checked}`)
    expect(byTestId('check-findings')).toBeNull()
  })

  it('names each problem of a damaged folder, in English too', async () => {
    const b = backend('base', 'session', 'damaged')
    await ready()
    await mountUI(CheckPanel, { locale: 'en' })
    await click('check-run')
    await settle()
    const rep = answer<CheckReport>('damaged', 'AppAPI.CheckFolder')
    expect(rep.findings.length).toBeGreaterThan(0)
    expect(byTestId('check-problems')?.textContent).toContain(`${rep.findings.length} problems found`)
    const rows = texts('check-finding')
    expect(rows[0]).toContain('Database files')
    expect(rows[0]).toContain('A table fails its checksum or is cut short')
    expect(rows[0]).toContain(rep.findings[0].subject)
    expect(b.misses).toEqual([])
  })

  it('shows the area being checked while the check runs', async () => {
    const b = backend('base', 'session', 'check')
    await ready()
    const { wrapper } = await mountUI(CheckPanel)
    ;(byTestId('check-run') as HTMLButtonElement).click()
    // The check has started and not answered yet: the backend names the area it is on.
    b.emit('check:area', 'blobs')
    await wrapper.vm.$nextTick()
    expect(byTestId('check-running')?.textContent).toContain('正在检查：附件')
    await settle()
    expect(byTestId('check-running')).toBeNull()
    expect(byTestId('check-ok')).not.toBeNull()
  })
})

describe('damaged folder banner', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('says the folder is read-only, what is damaged and how to restore', async () => {
    backend('base', 'session', 'damaged')
    await ready()
    await mountUI(AppShell)
    const banner = byTestId('damage-banner')
    expect(banner?.textContent).toContain('数据文件夹已损坏，已以只读方式打开')
    expect(banner?.textContent).toContain('000001.sst')
    expect(banner?.textContent).toContain('数据表校验失败或被截断')
    expect(banner?.textContent).toContain('golive restore')
  }, 20000)

  it('shows on the sign-in gate too, before anyone unlocks', async () => {
    backend('base', 'session', 'damaged').as('')
    await ready()
    await mountUI(GateView)
    const banner = byTestId('damage-banner')
    expect(banner?.textContent).toContain('数据文件夹已损坏，已以只读方式打开')
    expect(banner?.textContent).toContain('golive restore')
    expect(banner?.textContent).not.toContain('打开设置')
  }, 20000)

  it('is absent for a whole folder', async () => {
    backend()
    await ready()
    await mountUI(AppShell)
    expect(byTestId('damage-banner')).toBeNull()
  }, 20000)

  it('appears when the check of the data blocks after the start finds damage', async () => {
    const b = backend()
    await useAppStore().start()
    expect(useAppStore().status).toBe('ready')
    await mountUI(AppShell)
    expect(byTestId('damage-banner')).toBeNull()
    const before = b.callsOf('AppAPI.Info').length
    // The backend found a damaged block once the window was open: its Info now says so.
    b.serve('damaged')
    b.emit('store:damaged')
    await settle()
    expect(b.callsOf('AppAPI.Info').length).toBe(before + 1)
    expect(byTestId('damage-banner')?.textContent).toContain('数据文件夹已损坏，已以只读方式打开')
    expect(b.misses).toEqual([])
  }, 20000)
})
