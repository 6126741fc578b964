// The sync folder: the settings page's sync section and the top bar's sync
// status. Merged into en.ts as sync; the error texts into errors.syncdir.
// It must match sync.zh-CN.ts key for key.
export default {
  title: 'Sync folder',
  intro: 'Keeps the data folder in step with a folder the team shares (an SMB share, a OneDrive/SharePoint, Nextcloud or Syncthing folder): GoLive publishes this computer’s new events there and reads what the others publish. Only signed event packs go there; the data folder itself never does.',
  none: 'No sync folder chosen.',
  folder: 'Sync folder',
  choose: 'Choose the sync folder…',
  change: 'Change folder…',
  leave: 'Stop syncing',
  leaveConfirm: 'Stop syncing with this folder? Nothing in it is changed or deleted.',
  left: 'Syncing stopped.',
  syncNow: 'Sync now',
  syncing: 'Syncing…',
  never: 'Not synced yet',
  lastSync: 'Last sync: {time}',
  watching: 'Watching the folder for changes',
  readOnly: 'Read-only replica: no unlocked profile (or no roster yet), so it reads and publishes nothing.',
  unpublished: '{count} events to publish',
  waiting: '{count} events wait for earlier events',
  files: '{count} files in the folder',
  failedTitle: '{count} files failed their checks (not applied)',
  error: 'The last sync failed: {reason}',
  done: 'Synced: published {published} events, read {read} packs, {events} new events.',
  shell: {
    ok: 'Synced {time}',
    never: 'Not synced',
    failed: '{count} files failed their checks',
    title: 'Sync folder: {folder}',
  },
}

export const syncErrors = {
  inside_data: 'The sync folder {folder} and the data folder {data} must not lie inside each other: a sync tool would damage the data folder. Choose another folder.',
  not_found: 'The sync folder {folder} does not exist or is not a folder (is the share connected?).',
  io: 'Could not read or write {path} in the sync folder (is the share connected?).',
  incomplete: 'The file {name} does not match its name (its digest): it is damaged, or its copy has not completed; not applied, checked again at every sync.',
  not_pack: 'This is an exchange file made for people, not a sync pack; not applied.',
  no_folder: 'No sync folder chosen.',
}
