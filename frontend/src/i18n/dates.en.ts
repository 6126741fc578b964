// English messages of the date rules; see dates.zh-CN.ts.
export default {
  lateRecord: 'Put on record a release that already took place',
  lateReason: 'Reason for the late record',
  lateHint: 'Say why this release is recorded only now (e.g. it was approved on paper). The reason is kept in the dossier’s creation record.',
  lateRecordLabel: 'Late record: {reason}',
}

export const dossierDateErrors = {
  date_past:
    'The planned release time {date} is earlier than now ({now}): a planned release can only be scheduled ahead. To put on record a release that already took place, tick “Put on record a release that already took place” and give the reason.',
  postpone_past: 'The new release time {date} is earlier than now ({now}); choose a time ahead.',
  date_too_far: 'The planned release time {date} is too far ahead: {limit} at the latest (within {years} years).',
  emergency_too_old:
    'The emergency release time {date} is before {limit}: an emergency release can be put on record up to {days} days after it. To record an earlier release, tick “Put on record a release that already took place” and give the reason.',
  emergency_too_far: 'The emergency release time {date} is after {limit}: an emergency release can be scheduled at most {days} days ahead; later releases are planned releases.',
  late_too_old: 'The release time {date} is before {limit}: a late record reaches back {years} years at most.',
}

export const workflowDateErrors = {
  started_in_future: 'Runbook row {row}: the actual start {value} is later than now ({now}); what has not happened yet cannot be recorded as done.',
  ended_in_future: 'Runbook row {row}: the actual end {value} is later than now ({now}); what has not happened yet cannot be recorded as done.',
  ended_before_start: 'Runbook row {row}: the actual end {ended} is before the start {started}.',
  tested_in_future: 'The test time {value} is later than now ({now}); enter when the test was actually done.',
}
