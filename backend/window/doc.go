// Package window plans GoLive's release windows (发布窗口, process-spec §4):
// the yearly window plan (全年发布窗口计划), its holiday moves and freeze
// periods (封网期), the window manager's adjustments, signed published versions, and the
// checks dossiers need (valid window, next open window, conflicts).
//
// # Rules
//
// The rules are template data (template.WindowSettings): per system class a
// weekday, the weeks of the month, a week reading, start and end times in a
// zone, a holiday policy and a capacity; a freeze rule; fixed freeze
// ranges. NominalDates gives a rule's dates for a year; CompareReadings lists
// the months where the two readings of "2nd and 4th week" differ.
//
// # Generating a plan
//
// Generate builds a Plan in this order: (1) each class's nominal dates;
// (2) a window on a public holiday follows its rule's policy: moved to the
// previous (or next) working day of the same Monday-Sunday week within the
// plan's year — make-up working days count — or cancelled when there is
// none, or cancelled outright under the cancel policy; (3) the window manager's edits
// (move, cancel, add, freeze) in order; (4) every window not cancelled
// whose date lies in a freeze period is marked frozen. A freeze from the
// rule runs from the Nth working day before a run of at least M consecutive
// days off holding a holiday, through the run's last day. Nothing is
// dropped: cancelled and frozen windows stay in the plan and every
// difference from the rule is an Adjustment with a code and parameters.
// A year without holiday data (see package holiday) is planned on weekdays
// alone and carries the window.no_holiday_data warning.
//
// # Ids
//
// A rule window's id is its nominal date and class, "2027-03-11-java"; one
// added by hand is "2027-03-17-java-x1". Ids never change: a moved window
// keeps its id, so a dossier stores the window id (and its class) and
// follows the window wherever it moves. Year(id) gives the plan's year.
//
// # Publishing
//
// The window manager's edits are kept per year in the store (bucket
// "wdraft") and the working plan is regenerated from the rules, the
// holiday data and those edits. Publish signs the working plan with the
// unlocked profile's key (which must hold the template's window-manager
// role, template.Settings.WindowManager) as a ledger event of kind
// "plan.published" in the stream "plan-<year>" (stored under
// ev/plan-<year>/<event id>); version n names version n-1's event as its
// only parent and records its Changes against it. Reading the versions
// verifies every event and the chain; a tampered or broken chain is
// window.plan_corrupt. InForce gives the latest published version, or the
// generated plan (Version 0) when none is published.
//
// # Who manages windows
//
// The guideline gives the release cycle to 应用系统开发部, not to the PMO
// who edits the template: window management is its own role, the
// template's settings.window_manager_role (the default template's
// window_manager, a post of the application development department). A
// template saved before that setting existed leaves it to the template
// editor role, the old rule. Editing, holidays and publishing ask the
// unlocked profile for the role (its roster roles once the folder has a
// roster). Whether a published version counts is decided from the signed
// events alone, the same on every copy: the Service's Authority gives a
// Judge (the core's: the author held the window-manager role of the
// plan's template in the roster version in force at the event's time,
// the first version for an older plan; with no roster, every plan
// counts). A version the Judge refuses is ignored, with every version
// built on it, and an exchange file bringing one is refused.
//
// # Errors
//
// Errors carry apperr codes window.* (bad_year, not_found, wrong_class,
// cancelled, frozen, none_open, not_permitted, reason_required, bad_date,
// wrong_year, not_working_day, bad_time, end_before_start, duplicate,
// no_change, already_cancelled, unknown_class, name_required, bad_range,
// no_edit, edit_skipped, nothing_changed, no_version, plan_corrupt,
// plan_not_manager) with
// named parameters; warnings are Warning values with window.* codes.
package window
