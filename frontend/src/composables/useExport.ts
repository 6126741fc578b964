import { h, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { NButton, NSpace, useNotification } from 'naive-ui'
import { bridge, isCode, type Exported } from '@/bridge'
import { useSessionStore } from '@/stores/session'
import { useAppError } from './useAppError'

/**
 * useExport runs document exports: `busy` holds the running action's key
 * (for spinners), a written file is announced with its path and an open
 * button, a cancelled save dialog (path "") says nothing, and errors are
 * translated — profile.locked offers to unlock.
 */
export function useExport() {
  const { t } = useI18n()
  const notification = useNotification()
  const { errorText } = useAppError()
  const session = useSessionStore()
  const busy = ref('')

  function fail(e: unknown) {
    const locked = isCode(e, 'profile.locked')
    const n = notification.error({
      title: t('documents.failed'),
      content: errorText(e),
      duration: 8000,
      action: locked
        ? () => h(NButton, { size: 'small', type: 'primary', 'data-testid': 'export-unlock', onClick: () => { n.destroy(); session.lock().catch(fail) } }, { default: () => t('documents.unlock') })
        : undefined,
    })
  }

  /** announce shows where a file went, with a button that opens it. */
  function announce(x: Exported) {
    const n = notification.success({
      title: t('documents.saved'),
      content: x.pages ? t('documents.savedPages', { path: x.path, pages: x.pages }) : x.path,
      duration: 10000,
      action: () =>
        h(NSpace, null, {
          default: () => h(NButton, {
            size: 'small', type: 'primary', 'data-testid': 'export-open',
            onClick: async () => {
              n.destroy()
              try {
                await bridge().documents.openFile(x.path)
              } catch (e) {
                fail(e)
              }
            },
          }, { default: () => t('documents.open') }),
        }),
    })
  }

  /** run performs one export under key; resolves to what was written, or null. */
  async function run(key: string, call: () => Promise<Exported>): Promise<Exported | null> {
    if (busy.value) return null
    busy.value = key
    try {
      const x = await call()
      if (x.path) announce(x)
      return x.path ? x : null
    } catch (e) {
      fail(e)
      return null
    } finally {
      busy.value = ''
    }
  }

  /** act performs a non-file action (generate) with the same busy state and errors; ok gets its result. */
  async function act<T>(key: string, call: () => Promise<T>, ok: (v: T) => void): Promise<void> {
    if (busy.value) return
    busy.value = key
    try {
      ok(await call())
    } catch (e) {
      fail(e)
    } finally {
      busy.value = ''
    }
  }

  return { busy, run, act, fail, notification }
}
