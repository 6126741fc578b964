import { ref } from 'vue'
import { useMessage } from 'naive-ui'
import { toAppError, type AppError } from '@/bridge'
import { useAppError } from './useAppError'

/** ActionOptions say what a successful or failed run shows. */
export interface ActionOptions<T> {
  /** The success toast: a text, or one made from the result; "" or undefined shows none. */
  success?: string | ((result: T) => string | undefined)
  /** Names the action while it runs (busyWith), for the spinner of one button among several. */
  name?: string
  /** Show a failure as an error toast instead of in `error` (for background work nobody waits on). */
  toast?: boolean
}

/**
 * BUSY_SHOWN_AFTER_MS is how long an exclusive run waits before it shows as
 * busy: most actions answer sooner, and a spinner drawn (and animated in
 * and out) for them would only hold the answer up, then flicker.
 */
export const BUSY_SHOWN_AFTER_MS = 150

/** UseActionOptions say how a component's runs share its buttons. */
export interface UseActionOptions {
  /**
   * Runs one at a time: while one is under way another is not started (it
   * resolves to false at once), so a second click sends nothing twice
   * without waiting for the spinner, which then shows only once the run has
   * taken BUSY_SHOWN_AFTER_MS. Otherwise runs may overlap (a search as you
   * type) and busy shows at once.
   */
  exclusive?: boolean
}

/**
 * useAction is the busy / error / success-toast pattern of a component's
 * buttons: `run(() => store.file(id, note), { success: t('flow.filedMsg') })`
 * sets busy while the call runs, clears and then fills `error` (a coded
 * AppError for ErrorAlert) on failure, and shows the success toast. It
 * resolves to true when the call succeeded. See UseActionOptions for
 * exclusive runs.
 */
export function useAction(options: UseActionOptions = {}) {
  const busy = ref(false)
  /** The name of the running action ("" when idle or unnamed). */
  const busyWith = ref('')
  const error = ref<AppError | null>(null)
  const message = useMessage()
  const { errorText } = useAppError()

  let inFlight = 0
  async function run<T>(call: () => Promise<T>, opts: ActionOptions<T> = {}): Promise<boolean> {
    if (options.exclusive && inFlight) return false
    inFlight++
    const show = () => {
      busy.value = true
      busyWith.value = opts.name ?? ''
    }
    const shown = options.exclusive ? setTimeout(show, BUSY_SHOWN_AFTER_MS) : undefined
    if (!shown) show()
    if (!opts.toast) error.value = null
    try {
      const result = await call()
      const text = typeof opts.success === 'function' ? opts.success(result) : opts.success
      if (text) message.success(text)
      return true
    } catch (e) {
      if (opts.toast) message.error(errorText(e), { duration: 8000, keepAliveOnHover: true })
      else error.value = toAppError(e)
      return false
    } finally {
      clearTimeout(shown)
      inFlight--
      busy.value = false
      busyWith.value = ''
    }
  }

  /** running tells at once whether a run is under way (an exclusive run's busy shows later). */
  const running = () => inFlight > 0

  return { busy, busyWith, error, run, running }
}
