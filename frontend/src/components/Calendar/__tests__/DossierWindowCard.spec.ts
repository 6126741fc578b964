import { describe, expect, it } from 'vitest'
import type { DossierView } from '@/bridge'
import DossierWindowCard from '@/components/Calendar/DossierWindowCard.vue'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { fixture, fixtureNames } from '@/test/stub'

// A sample dossier (recorded with DossierAPI.Get) that releases in a window of an evening on which a system it calls,
// or that calls it, releases too.
const view = fixtureNames()
  .flatMap((f) => fixture(f).filter((r) => r.call === 'DossierAPI.Get'))
  .map((r) => r.result as DossierView)
  .find((v) => v?.warnings?.some((w) => w.code === 'window.calling_systems'))!
const warning = view.warnings.find((w) => w.code === 'window.calling_systems')!

async function warningsText(locale: 'zh-CN' | 'en') {
  document.body.innerHTML = ''
  backend(...SAMPLE)
  await ready()
  const { wrapper } = await mountUI(DossierWindowCard, { props: { view }, locale })
  return wrapper.find('[data-testid="dossier-warnings"]').text()
}

describe('DossierWindowCard warnings', () => {
  it('name the windows as the calendar does, not by their ids', async () => {
    const text = await warningsText('zh-CN')
    expect(text).toContain(warning.names!.window.zh)
    expect(text).toContain(warning.names!.other_window.zh)
    expect(text).not.toContain(warning.params!.window)
    expect(text).not.toContain(warning.params!.other_window)
  })

  it('in the reader’s language', async () => {
    const text = await warningsText('en')
    expect(text).toContain(warning.names!.window.en)
    expect(text).not.toContain(warning.params!.window)
  })

  it('are alerts, each with its code, in the theme’s warning colour', async () => {
    document.body.innerHTML = ''
    backend(...SAMPLE)
    await ready()
    const { wrapper } = await mountUI(DossierWindowCard, { props: { view } })
    const alerts = wrapper.findAll('[data-testid="dossier-warnings"] [role="alert"]')
    expect(alerts.length).toBeGreaterThan(0)
    expect(alerts.map((a) => a.attributes('data-code'))).toContain('window.calling_systems')
    expect(alerts.every((a) => a.classes('warn--warning'))).toBe(true)
    expect(wrapper.find('[data-testid="dossier-window"]').attributes('style')).toMatch(/--wc-warning: ?#?\w+/)
  })
})
