import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { bridge, type InboxItem } from '@/bridge'

const since = (s: string) => (!s || s.startsWith('0001') ? -Infinity : Date.parse(s))

/** What waits for the current profile, oldest first; the sidebar shows its count. */
export const useInboxStore = defineStore('inbox', () => {
  const items = ref<InboxItem[]>([])
  const loading = ref(false)
  let seq = 0

  /** load fetches the inbox of the unlocked profile; a later call wins. */
  async function load() {
    const mine = ++seq
    loading.value = true
    try {
      const rows = await bridge().dossiers.inbox()
      // The backend sends them oldest first; keep that order stable whatever it is given.
      const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => since(a.r.since) - since(b.r.since) || a.i - b.i).map((x) => x.r)
      if (mine === seq) items.value = sorted
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function clear() {
    seq++
    items.value = []
  }

  const count = computed(() => items.value.length)

  return { items, loading, count, load, clear }
})
