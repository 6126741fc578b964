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
 * useAction is the busy / error / success-toast pattern of a component's
 * buttons: `run(() => store.file(id, note), { success: t('flow.filedMsg') })`
 * sets busy while the call runs, clears and then fills `error` (a coded
 * AppError for ErrorAlert) on failure, and shows the success toast. It
 * resolves to true when the call succeeded.
 */
export function useAction() {
  const busy = ref(false)
  /** The name of the running action ("" when idle or unnamed). */
  const busyWith = ref('')
  const error = ref<AppError | null>(null)
  const message = useMessage()
  const { errorText } = useAppError()

  async function run<T>(call: () => Promise<T>, opts: ActionOptions<T> = {}): Promise<boolean> {
    busy.value = true
    busyWith.value = opts.name ?? ''
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
      busy.value = false
      busyWith.value = ''
    }
  }

  return { busy, busyWith, error, run }
}
