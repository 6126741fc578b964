import { useI18n } from 'vue-i18n'
import type { Text } from '@/bridge'

/**
 * useText returns tx(), which picks the current language's side of a
 * bilingual template text ({zh, en}), falling back to the other side.
 */
export function useText() {
  const { locale } = useI18n()
  const tx = (t: Text | null | undefined): string => {
    if (!t) return ''
    return locale.value === 'en' ? t.en || t.zh : t.zh || t.en
  }
  return { tx }
}
