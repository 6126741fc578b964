import { defineStore } from 'pinia'
import { ref } from 'vue'
import { bridge, type Language } from '@/bridge'
import { DEFAULT_LANGUAGE, isLanguage } from '@/i18n'

/** The UI preferences kept in the data folder: for now the language. */
export const usePreferencesStore = defineStore('preferences', () => {
  const language = ref<Language>(DEFAULT_LANGUAGE)

  /** load reads the stored language; none stored means zh-CN. */
  async function load() {
    const p = await bridge().app.preferences()
    language.value = isLanguage(p.language) ? p.language : DEFAULT_LANGUAGE
  }

  /** setLanguage switches at once and stores the choice. */
  async function setLanguage(lang: Language) {
    language.value = lang
    await bridge().app.setPreferences({ language: lang })
  }

  return { language, load, setLanguage }
})
