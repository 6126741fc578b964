import { describe, expect, it } from 'vitest'
import type { Certificate } from '@/bridge/documents'
import CertificateCard from '@/components/Documents/CertificateCard.vue'
import { backend, mountUI, ready, SAMPLE } from '@/test/mount'
import { answer } from '@/test/stub'

/** wall is the "YYYY-MM-DD HH:mm" an RFC 3339 time was written with. */
const wall = (s: string) => `${s.slice(0, 10)} ${s.slice(11, 16)}`
const offset = (s: string) => /(Z|[+-]\d\d:\d\d)$/.exec(s)?.[1]

describe('CertificateCard', () => {
  it('shows the validity in the zone of the creation time, as the backend wrote both', async () => {
    document.body.innerHTML = ''
    const cert = answer<Certificate>('session', 'ProfileAPI.Certificate', 'project_manager')
    expect(offset(cert.not_before)).toBe(offset(cert.created_at))
    expect(offset(cert.not_after)).toBe(offset(cert.created_at))
    backend(...SAMPLE).as('project_manager')
    await ready()
    const { wrapper } = await mountUI(CertificateCard, { props: { profileId: cert.profile_id } })
    const validity = wrapper.find('[data-testid="certificate-validity"]').text()
    expect(validity).toContain(wall(cert.not_before))
    expect(validity).toContain(wall(cert.not_after))
  })
})
