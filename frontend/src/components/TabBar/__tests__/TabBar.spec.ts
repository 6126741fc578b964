import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import TabBar from '../TabBar.vue'

const TABS = ['info', 'checklist', 'history']

function setup(start = 'info') {
  const value = ref(start)
  const Host = defineComponent({
    render: () =>
      h(TabBar, { tabs: TABS, label: 'Parts', modelValue: value.value, 'onUpdate:modelValue': (v: string) => (value.value = v) }, {
        tab: ({ tab }: { tab: string }) => h('span', { 'data-testid': `tab-${tab}` }, tab.toUpperCase()),
      }),
  })
  const wrapper = mount(Host, { attachTo: document.body })
  const tabs = () => wrapper.findAll('[role="tab"]')
  return { value, wrapper, tabs }
}

describe('TabBar', () => {
  it('draws each tab with its label, the chosen one selected and the only one focusable', () => {
    const { wrapper, tabs } = setup('checklist')
    expect(wrapper.get('[role="tablist"]').attributes('aria-label')).toBe('Parts')
    expect(tabs().map((t) => t.text())).toEqual(['INFO', 'CHECKLIST', 'HISTORY'])
    expect(tabs().map((t) => t.attributes('aria-selected'))).toEqual(['false', 'true', 'false'])
    expect(tabs().map((t) => t.attributes('tabindex'))).toEqual(['-1', '0', '-1'])
    wrapper.unmount()
  })

  it('chooses a clicked tab, also through a click on its label', async () => {
    const { value, wrapper, tabs } = setup()
    await wrapper.get('[data-testid="tab-history"]').trigger('click')
    expect(value.value).toBe('history')
    expect(tabs()[2].classes()).toContain('active')
    wrapper.unmount()
  })

  it('moves and chooses with the arrow keys, Home and End, wrapping at the ends, and follows with the focus', async () => {
    const { value, wrapper, tabs } = setup()
    await tabs()[0].trigger('keydown', { key: 'ArrowRight' })
    expect(value.value).toBe('checklist')
    await nextTick()
    expect(document.activeElement).toBe(tabs()[1].element)
    await tabs()[1].trigger('keydown', { key: 'End' })
    expect(value.value).toBe('history')
    await tabs()[2].trigger('keydown', { key: 'ArrowRight' })
    expect(value.value).toBe('info')
    await tabs()[0].trigger('keydown', { key: 'ArrowLeft' })
    expect(value.value).toBe('history')
    await tabs()[2].trigger('keydown', { key: 'Home' })
    expect(value.value).toBe('info')
    await nextTick()
    expect(document.activeElement).toBe(tabs()[0].element)
    // Other keys are left alone (Tab leaves the bar, Enter is the button's click).
    await tabs()[0].trigger('keydown', { key: 'a' })
    expect(value.value).toBe('info')
    wrapper.unmount()
  })
})
