import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { bridge, type Profile, type ProfileCreateRequest } from '@/bridge'

/**
 * The local profiles and the one unlocked for signing. Every change to a
 * dossier is signed by the current profile, so most of the UI needs one.
 */
export const useSessionStore = defineStore('session', () => {
  const profiles = ref<Profile[]>([])
  const current = ref<Profile | null>(null)

  const unlocked = computed(() => current.value !== null)

  /** load reads the profile list and the unlocked profile (none after a restart). */
  async function load() {
    const [list, cur] = await Promise.all([bridge().profiles.list(), bridge().profiles.current()])
    profiles.value = list
    current.value = cur
  }

  /** create makes a profile; the backend unlocks it at once. */
  async function create(req: ProfileCreateRequest) {
    const p = await bridge().profiles.create(req)
    current.value = p
    profiles.value = await bridge().profiles.list()
    return p
  }

  /** unlock opens a profile; on a wrong passphrase it rejects and nothing changes. */
  async function unlock(id: string, passphrase: string) {
    const p = await bridge().profiles.unlock(id, passphrase)
    current.value = p
    return p
  }

  async function lock() {
    await bridge().profiles.lock()
    current.value = null
  }

  /** nameOf returns the profile name for a public key, if it is a local profile. */
  const nameOf = (publicKey: string) => profiles.value.find((p) => p.public_key === publicKey)?.name ?? ''

  return { profiles, current, unlocked, load, create, unlock, lock, nameOf }
})
