// Mounting helpers for component specs: a fresh memoryBridge, Pinia, i18n
// (zh-CN unless asked), a memory-history router and Naive UI's providers.
import { defineComponent, h, type Component } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { NDialogProvider, NMessageProvider, NNotificationProvider } from 'naive-ui'
import { setBridge, type Language } from '@/bridge'
import { createMemoryBridge, type MemoryBridge, type MemoryOptions } from '@/bridge/memory'
import { makeI18n } from '@/i18n'
import { makeRouter } from '@/router'
import { useSessionStore } from '@/stores/session'
import { useTemplateStore } from '@/stores/template'
import { useAppStore } from '@/stores/app'

/** freshBridge installs a new memoryBridge and a new Pinia; returns the bridge. */
export function freshBridge(opts: MemoryOptions = {}): MemoryBridge {
  const b = createMemoryBridge(opts)
  setBridge(b)
  setActivePinia(createPinia())
  return b
}

/** ready loads the template and session (and app info) as the app does at start. */
export async function ready() {
  await Promise.all([useTemplateStore().load(), useSessionStore().load(), useAppStore().refreshInfo()])
}

/** signedIn creates and unlocks a profile, as a user would on first start. */
export async function signedIn(name = 'Tester') {
  return useSessionStore().create({ name, department: 'QA', roles: ['project_manager'], passphrase: 'correct horse' })
}

export interface MountOptions {
  props?: Record<string, unknown>
  locale?: Language
  /** The route to start at (default /dossiers). */
  path?: string
}

/**
 * mountUI mounts a component inside Naive UI's providers with the active
 * Pinia, a fresh i18n and a router. Popups render into document.body.
 */
export async function mountUI(component: Component, opts: MountOptions = {}) {
  const router = makeRouter(createMemoryHistory())
  await router.push(opts.path ?? '/dossiers')
  await router.isReady()
  const Host = defineComponent({
    render: () =>
      h(NMessageProvider, null, {
        default: () => h(NNotificationProvider, null, { default: () => h(NDialogProvider, null, { default: () => h(component, opts.props ?? {}) }) }),
      }),
  })
  const wrapper = mount(Host, { global: { plugins: [makeI18n(opts.locale ?? 'zh-CN'), router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

/** byTestId finds an element anywhere in the document (popups included). */
export function byTestId(id: string): HTMLElement | null {
  return document.body.querySelector(`[data-testid="${id}"]`)
}
