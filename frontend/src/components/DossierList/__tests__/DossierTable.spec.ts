// The dossier list's table keys its rows by place: a new page changes the
// rows already there. A reused row must show, and open, its new dossier.
import { h } from 'vue'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { DossierSummary } from '@/bridge'
import DossierTable, { type ListColumn } from '../DossierTable'

const row = (id: string, title: string) => ({ id, title }) as unknown as DossierSummary

const columns: ListColumn[] = [
  { key: 'id', title: 'ID', width: 120, render: (r) => h('span', { class: 'id' }, r.id) },
  { key: 'title', title: 'Title', minWidth: 200, ellipsis: true, cellTitle: (r) => r.title, render: (r) => r.title },
]

describe('DossierTable', () => {
  it('shows a new page in the rows already there, each opening its new dossier', async () => {
    const opened: string[] = []
    const w = mount(DossierTable, {
      props: {
        columns,
        rows: [row('R1', '第一'), row('R2', '第二')],
        rowProps: (r: DossierSummary) => ({ 'data-id': r.id, onClick: () => opened.push(r.id) }),
        minWidth: 320,
      },
    })
    const before = w.findAll('tbody tr').map((tr) => tr.element)
    await w.setProps({ rows: [row('R7', '第七'), row('R8', '第八'), row('R9', '第九')] })
    const after = w.findAll('tbody tr')
    expect(after.map((tr) => tr.attributes('data-id'))).toEqual(['R7', 'R8', 'R9'])
    expect(after.map((tr) => tr.find('.id').text())).toEqual(['R7', 'R8', 'R9'])
    expect(after[1].findAll('td')[1].attributes('title')).toBe('第八')
    expect(after[0].element).toBe(before[0])
    expect(after[1].element).toBe(before[1])
    await after[1].trigger('click')
    await after[2].trigger('click')
    expect(opened).toEqual(['R8', 'R9'])
  })

  it('shows the empty slot without rows, and rows again after', async () => {
    const w = mount(DossierTable, {
      props: { columns, rows: [], rowProps: () => ({}), minWidth: 320 },
      slots: { empty: () => '没有档案' },
    })
    expect(w.find('.lt-empty').text()).toBe('没有档案')
    await w.setProps({ rows: [row('R1', '第一')] })
    expect(w.find('.lt-empty').exists()).toBe(false)
    expect(w.findAll('tbody tr')).toHaveLength(1)
  })
})
