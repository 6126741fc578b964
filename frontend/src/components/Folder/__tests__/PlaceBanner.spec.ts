import { beforeEach, describe, expect, it } from 'vitest'
import type { AppInfo } from '@/bridge'
import AppShell from '@/components/AppShell/AppShell.vue'
import GateView from '@/views/GateView.vue'
import { backend, byTestId, click, mountUI, ready } from '@/test/mount'
import { answer } from '@/test/stub'

// The "place" recording is the info of a real data folder made inside a folder holding Syncthing's .stfolder marker.
describe('data folder in a synced folder', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    sessionStorage.clear()
  })

  it('warns above the pages, names the sync tool and where its folder is, and says what to do', async () => {
    const b = backend('base', 'session', 'place')
    await ready()
    await mountUI(AppShell)
    const place = answer<AppInfo>('place', 'AppAPI.Info').place
    expect(place.kind).toBe('syncthing')
    const banner = byTestId('place-banner')
    expect(banner?.textContent).toContain('数据文件夹位于 Syncthing 同步文件夹中')
    expect(banner?.textContent).toContain('可能损坏数据库')
    expect(banner?.textContent).toContain('移到本机磁盘')
    expect(banner?.textContent).toContain('同步文件夹')
    expect(byTestId('place-root')?.textContent).toContain(place.root)
    expect(b.misses).toEqual([])
  }, 20000)

  it('says the same in English', async () => {
    backend('base', 'session', 'place')
    await ready()
    await mountUI(AppShell, { locale: 'en' })
    const banner = byTestId('place-banner')
    expect(banner?.textContent).toContain('The data folder is inside a folder synced by Syncthing')
    expect(banner?.textContent).toContain('move the data folder to a local disk')
  }, 20000)

  it('shows on the sign-in gate too', async () => {
    backend('base', 'session', 'place').as('')
    await ready()
    await mountUI(GateView)
    expect(byTestId('place-banner')?.textContent).toContain('数据文件夹位于 Syncthing 同步文件夹中')
  }, 20000)

  it('closes until GoLive starts again, not for good', async () => {
    backend('base', 'session', 'place')
    await ready()
    const first = await mountUI(AppShell)
    await click('place-close')
    expect(byTestId('place-banner')).toBeNull()
    first.wrapper.unmount()
    // Another page of the same run: still closed.
    await mountUI(GateView)
    expect(byTestId('place-banner')).toBeNull()
    document.body.innerHTML = ''
    // The next start of GoLive (a new session): it warns again.
    sessionStorage.clear()
    await mountUI(AppShell)
    expect(byTestId('place-banner')).not.toBeNull()
    expect(localStorage.length).toBe(0)
  }, 20000)

  it('is absent for a folder on a plain disk', async () => {
    backend()
    await ready()
    await mountUI(AppShell)
    expect(byTestId('place-banner')).toBeNull()
  }, 20000)
})
