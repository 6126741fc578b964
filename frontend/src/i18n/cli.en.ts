// The messages of the command line's read commands for scripts (golive
// list, show, inbox, stats, export minutes): their error codes cli.*, merged into en.ts as
// errors.cli. It must match cli.zh-CN.ts key for key, and
// backend/cli/lang.go word for word (TestCLIMessagesMatchTheFrontend).
export const cliErrors = {
  no_folder: '{dir} is not a GoLive data folder (it does not exist or holds no GoLive data); nothing was created.',
  bad_flag: 'Bad command line: {detail}. Run golive help for the usage.',
  extra_args: 'Unexpected arguments: {args}',
  needs_id: 'Give a dossier id: golive show ID',
  needs_year: 'Give the year with --year, e.g. --year 2026',
  bad_year: 'Year “{value}” is not valid: write a year from 2000 to 2100',
  bad_stage: 'Unknown stage “{value}”. Stages: {stages}',
  bad_system: 'No system “{value}” in this data folder. Registered systems: {systems}',
  bad_window: 'Window “{value}” is not valid: write a window id (e.g. 2027-03-11-java) or a day (e.g. 2026-12-10)',
  bad_lang: 'Unsupported language “{value}”: use zh-CN or en',
  choose_profile: 'This data folder has several profiles; choose one with --profile (id or name): {profiles}',
  ambiguous_profile: 'Several profiles are named “{profile}”; give the id: {profiles}',
  no_profile: 'No profile “{profile}” in this data folder. Profiles: {profiles}',
  no_profiles: 'This data folder holds no profile yet.',
  needs_meeting: 'Give the review meeting\'s id with --meeting',
  needs_out: 'Give the file to write with --out',
}
