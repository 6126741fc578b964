// Mounting helpers for component specs: a StubBackend replaying recorded
// backend answers, Pinia, i18n (zh-CN unless asked), a memory-history
// router and Naive UI's providers.
import { defineComponent, h, type Component } from 'vue'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { NDialogProvider, NMessageProvider, NNotificationProvider } from 'naive-ui'
import { expect } from 'vitest'
import { setBridge, type Language } from '@/bridge'
import { makeI18n } from '@/i18n'
import { makeRouter } from '@/router'
import { useSessionStore } from '@/stores/session'
import { useTemplateStore } from '@/stores/template'
import { useAppStore } from '@/stores/app'
import { useClockStore } from '@/stores/clock'
import { StubBackend } from './stub'

/** The files every screen of the sample folder needs: what it loads, who is signed in, their inbox. */
export const SAMPLE = ['base', 'session', 'inbox']

/**
 * backend installs a StubBackend serving the fixture files named (default:
 * SAMPLE) and a new Pinia.
 */
export function backend(...files: string[]): StubBackend {
  const b = new StubBackend(...(files.length ? files : SAMPLE))
  setBridge(b.bridge)
  setActivePinia(createPinia())
  return b
}

/** ready loads the clock, template, session and app info as the app does at start. */
export async function ready() {
  await Promise.all([useClockStore().read(), useTemplateStore().load(), useSessionStore().load(), useAppStore().refreshInfo()])
  await flushPromises()
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

/** click clicks the element with data-testid id (which must exist) and lets the UI settle. */
export async function click(id: string) {
  const el = byTestId(id)
  expect(el, id).not.toBeNull()
  el!.click()
  await flushPromises()
}

/** type sets the value of the input or textarea with data-testid id (or inside it). */
export async function type(id: string, text: string) {
  const host = byTestId(id)
  expect(host, id).not.toBeNull()
  const el = (host instanceof HTMLInputElement || host instanceof HTMLTextAreaElement ? host : host!.querySelector('input,textarea')) as HTMLInputElement
  el.value = text
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}
