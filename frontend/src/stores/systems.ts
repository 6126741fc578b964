import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { bridge, type AppSystem } from '@/bridge'

/** The register of application systems. */
export const useSystemsStore = defineStore('systems', () => {
  const list = ref<AppSystem[]>([])
  const classes = ref<string[]>([])
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      const [systems, cls] = await Promise.all([bridge().systems.list(), bridge().systems.classes()])
      list.value = systems.map((s) => ({ ...s, calls: s.calls ?? [] }))
      classes.value = cls
    } finally {
      loading.value = false
    }
  }

  async function save(s: AppSystem, isNew: boolean) {
    const saved = isNew ? await bridge().systems.create(s) : await bridge().systems.update(s)
    await load()
    return saved
  }

  async function remove(code: string) {
    await bridge().systems.remove(code)
    await load()
  }

  const byCode = computed(() => new Map(list.value.map((s) => [s.code, s])))

  return { list, classes, loading, byCode, load, save, remove }
})
