// English messages of scope.zh-CN.ts, key for key.
export default {
  entityPlaceholder: 'e.g. Far East Horizon Ltd.',
  releaseMethodHint: 'Describe how the new system is released (e.g. full deployment with downtime, staged cut-over, rollback); required before submission.',
  tag: 'Out of scope',
  open: 'Record a change out of scope',
  formTitle: 'Record a change out of the process scope',
  intro:
    'Data-only changes, software/hardware upgrades or replacements and configuration updates without program code change are outside this process. Record the change and why it is out of scope here; the record follows no approval flow and cannot be submitted.',
  kind: 'Exclusion',
  reason: 'Reason',
  reasonHint: 'Explain why the change falls under this exclusion (e.g. only parameter table data is refreshed, no program code changes).',
  submit: 'Record',
  recorded: 'Change out of scope {id} recorded',
  backToRelease: 'Back to the new dossier',
  cardTitle: 'Change out of the process scope',
  history: {
    created: 'recorded the change out of scope "{title}" (system {system})',
    postReview: 'recorded the post-release review of the emergency release',
  },
  notSubmittable: 'This is a record only: it follows no approval flow and cannot be submitted, approved or released.',
  postReview: {
    title: 'Post-release review',
    intro: 'An emergency release is not fully tested: once it is confirmed, {roles} records the post-release review; only then can it be archived.',
    findings: 'Problems found',
    findingsHint: 'What the emergency release revealed: problems, impact and causes.',
    actions: 'Improvement actions',
    actionsHint: 'The actions taken against these problems, with owners and due dates.',
    participants: 'Participants',
    participantsHint: 'Who took part in the review (names, departments).',
    submit: 'Record the post-release review',
    update: 'Update the post-release review',
    recorded: 'Post-release review recorded',
    record: 'Post-release review',
    waiting: 'Waiting for {who} to record the post-release review; archiving follows it.',
  },
}

export const scopeDossierErrors = {
  out_of_scope: 'This is a record of a change out of the process scope: it follows no approval flow, so this cannot be done.',
  out_of_scope_reason_required: 'Give the reason: why is this change out of the process scope?',
  bad_exclusion: 'Choose an exclusion ("{kind}" is not one the process template lists).',
  release_method_required: 'A new-system release needs its release method described before it is submitted (the applicant describes it in the release application).',
  entity_too_long: 'The legal entity is too long (at most {max} characters).',
  release_method_too_long: 'The release method is too long (at most {max} characters).',
}

export const scopeWorkflowErrors = {
  post_review_required: 'Record the post-release review of the emergency release (problems found, improvement actions, participants) before archiving.',
  post_review_incomplete: 'The post-release review lacks: {fields}.',
  no_post_review: 'This release mode asks for no post-release review.',
}

export const scopeFields = {
  entity: 'Legal entity',
  release_method: 'Release method',
  findings: 'Problems found',
  actions: 'Improvement actions',
  participants: 'Participants',
}
