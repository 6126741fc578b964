import { defineStore } from 'pinia'
import { computed, ref, toRaw } from 'vue'
import { bridge, type Capabilities, type Identity, type Profile, type ProfileCreateRequest } from '@/bridge'
import { share } from '@/lib/share'
import { useDossiersStore } from './dossiers'
import { useInboxStore } from './inbox'
import { useNoticesStore } from './notices'

/**
 * The local profiles and the one unlocked for signing. Every change to a
 * dossier is signed by the current profile, so most of the UI needs one.
 */
/** No capability: nobody signed in. */
const NONE: Capabilities = { edit_templates: false, plan_windows: false }

export const useSessionStore = defineStore('session', () => {
  const profiles = ref<Profile[]>([])
  const current = ref<Profile | null>(null)

  const identities = ref<Identity[]>([])

  /** What the signed-in profile may do beyond one dossier, as the backend decides it. */
  const can = ref<Capabilities>({ ...NONE })

  const unlocked = computed(() => current.value !== null)

  /**
   * afterSwitch refreshes what depends on who is signed in: which profiles
   * are unlocked, the inbox and the open dossier's actions. The switch
   * itself has succeeded; a failed refresh shows as a toast.
   */
  async function afterSwitch() {
    const [caps, list] = await Promise.all([current.value ? bridge().profiles.capabilities() : { ...NONE }, bridge().profiles.list()])
    can.value = caps
    profiles.value = list
    if (!current.value) {
      useInboxStore().clear()
      return
    }
    const notices = useNoticesStore()
    void notices.background(useInboxStore().load())
    void notices.background(useDossiersStore().reload())
  }

  /** load reads the profile list and the unlocked profile (none after a restart). */
  async function load() {
    current.value = await bridge().profiles.current()
    await afterSwitch()
  }

  /**
   * loadIdentities reads everyone known to the folder, for the transfer
   * picker and the names shown; an answer equal to the list held keeps it
   * (lib/share), so the names on the page are not drawn again.
   */
  async function loadIdentities() {
    identities.value = share(toRaw(identities.value), await bridge().profiles.identities())
    return identities.value
  }

  /** create makes a profile; the backend unlocks it at once. */
  async function create(req: ProfileCreateRequest) {
    const p = await bridge().profiles.create(req)
    current.value = p
    await afterSwitch()
    return p
  }

  /** unlock opens a profile; on a wrong passphrase it rejects and nothing changes. */
  async function unlock(id: string, passphrase: string) {
    const p = await bridge().profiles.unlock(id, passphrase)
    current.value = p
    await afterSwitch()
    return p
  }

  /**
   * switchTo makes a profile unlocked earlier in this session current
   * again, without its passphrase (the backend still holds its key).
   */
  async function switchTo(id: string) {
    const p = await bridge().profiles.switch(id)
    current.value = p
    await afterSwitch()
    return p
  }

  /** lock forgets every key unlocked in this session. */
  async function lock() {
    await bridge().profiles.lock()
    current.value = null
    await afterSwitch()
  }

  /** nameOf returns the name for a public key, if it is a local profile or a known identity. */
  const nameOf = (publicKey: string) =>
    profiles.value.find((p) => p.public_key === publicKey)?.name ?? identities.value.find((p) => p.public_key === publicKey)?.name ?? ''

  return { profiles, current, identities, can, unlocked, load, loadIdentities, create, unlock, switchTo, lock, nameOf }
})
