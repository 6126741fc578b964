import { toAppError } from '@/bridge'

/** The form field a backend error code is about, so it can be shown next to it. */
const FIELD_OF: Record<string, string> = {
  'system.not_found': 'system_code',
  'dossier.title_required': 'title',
  'dossier.title_too_long': 'title',
  'dossier.bad_type': 'type',
  'dossier.bad_subtype': 'subtype',
  'dossier.bad_mode': 'mode',
  'dossier.version_required': 'version',
  'dossier.time_required': 'planned_at',
  'dossier.bad_time': 'planned_at',
  'dossier.date_past': 'planned_at',
  'dossier.date_too_far': 'planned_at',
  'dossier.emergency_too_old': 'planned_at',
  'dossier.emergency_too_far': 'planned_at',
  'dossier.late_too_old': 'planned_at',
  'dossier.bad_content': 'content',
  'dossier.pm_required': 'project_manager',
  'dossier.owner_required': 'system_owner',
  'dossier.entity_too_long': 'entity',
  'dossier.release_method_required': 'release_method',
  'dossier.release_method_too_long': 'release_method',
}

/** fieldOfError returns the field an error belongs to, or "" when it is about the whole form. */
export function fieldOfError(e: unknown): string {
  return e ? FIELD_OF[toAppError(e).code] ?? '' : ''
}
