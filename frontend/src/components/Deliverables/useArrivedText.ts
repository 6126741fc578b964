import { useI18n } from 'vue-i18n'
import type { Text, Version } from '@/bridge'
import { useText } from '@/composables/useText'
import { useSessionStore } from '@/stores/session'

/**
 * useArrivedText returns arrivedText(), which names the versions of a
 * deliverable that arrived another way while a file dialog was open
 * (Picked.arrived): "" when none did.
 */
export function useArrivedText() {
  const { t } = useI18n()
  const { tx } = useText()
  const session = useSessionStore()
  return (deliverable: Text, arrived: Version[] | null | undefined): string => {
    if (!arrived?.length) return ''
    const versions = arrived.map((v) => t('deliv.arrivedVersion', { no: v.no, file: v.name, who: session.nameOf(v.by) || t('history.unknownAuthor') }))
    return t('deliv.arrived', { name: tx(deliverable), versions: versions.join(t('deliv.arrivedSep')) })
  }
}
