package dossier

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/profile"
	"golive/backend/template"
	"golive/backend/workflow"
)

// Severities of a trial-run issue; "" records none.
const (
	SeverityLow    = "low"
	SeverityMedium = "medium"
	SeverityHigh   = "high"
)

// Limits of a trial-run issue's texts, in characters.
const (
	trialTitleMax = 200
	trialTextMax  = 2000
)

// TrialIssue is one issue found in the trial run after go-live (试运行问题),
// open until someone the fold allows closes it with a resolution.
type TrialIssue struct {
	// ID is the id of the event that recorded it.
	ID string `json:"id"`
	// Title is a short statement of the issue.
	Title string `json:"title"`
	// Description says what was seen, "" for none.
	Description string `json:"description"`
	// Severity is one of the Severity constants, "" for none.
	Severity string `json:"severity"`
	// OpenedBy is the public key (hex) of who recorded it; OpenedAt when.
	OpenedBy string    `json:"opened_by"`
	OpenedAt time.Time `json:"opened_at"`
	// Closed is the closing, nil while the issue is open.
	Closed *TrialClosing `json:"closed,omitempty"`
}

// TrialClosing is how a trial-run issue was closed.
type TrialClosing struct {
	// Resolution says how the issue was dealt with.
	Resolution string `json:"resolution"`
	// By is the public key (hex) of who closed it, Role the role claimed
	// ("" when the opener closed his own issue), At when, Event the event.
	By    string    `json:"by"`
	Role  string    `json:"role"`
	At    time.Time `json:"at"`
	Event string    `json:"event"`
}

// TrialActions is what the profile unlocked now may do with a dossier's
// trial-run issues, decided by the fold's rules (trialOpenRefusal,
// trialCloseRefusal).
type TrialActions struct {
	// Open: the dossier went live and is not archived.
	Open bool `json:"open"`
	// Close lists the ids of the open issues the profile may close.
	Close []string `json:"close"`
	// OpenCount counts the issues not yet closed.
	OpenCount int `json:"open_count"`
	// ArchiveBlocked is, when the template makes archiving wait for the
	// trial-run issues and some are open, the refusal archiving meets
	// (dossier.trial_issues_open); null otherwise.
	ArchiveBlocked *apperr.Error `json:"archive_blocked"`
}

// trialOpenedBody is the body of a trial_issue.opened event.
type trialOpenedBody struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Severity    string `json:"severity,omitempty"`
}

// trialClosedBody is the body of a trial_issue.closed event. Role is the
// archive role claimed by someone other than the opener; Roster the
// roster version it was made under (see authority).
type trialClosedBody struct {
	Issue      string `json:"issue"`
	Resolution string `json:"resolution"`
	Role       string `json:"role,omitempty"`
	Roster     string `json:"roster,omitempty"`
}

// TrialIssueRequest is a trial-run issue as a user records it.
type TrialIssueRequest struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	// Severity is "", "low", "medium" or "high".
	Severity string `json:"severity"`
}

// OpenTrialIssues counts the trial-run issues not yet closed.
func (st State) OpenTrialIssues() int {
	n := 0
	for _, t := range st.TrialIssues {
		if t.Closed == nil {
			n++
		}
	}
	return n
}

// wentLive reports whether the dossier is past its release and not
// archived: released and awaiting confirmation, or confirmed a success.
func wentLive(st State) bool {
	if st.Flow == nil {
		return false
	}
	switch st.Flow.Phase {
	case workflow.PhaseConfirmation, workflow.PhaseConfirmed:
		return true
	}
	return false
}

// trialOpenRefusal says why a trial-run issue may not be recorded on st
// now: dossier.archived, dossier.not_live before go-live.
func trialOpenRefusal(st State) error {
	if st.Flow != nil && st.Flow.Phase == workflow.PhaseArchived {
		return apperr.New("dossier.archived")
	}
	if !wentLive(st) {
		return apperr.New("dossier.not_live")
	}
	return nil
}

// checkTrialIssue validates a new issue: title required, lengths, severity.
func checkTrialIssue(b *trialOpenedBody) error {
	b.Title, b.Description, b.Severity = strings.TrimSpace(b.Title), strings.TrimSpace(b.Description), strings.TrimSpace(b.Severity)
	if b.Title == "" {
		return apperr.New("dossier.trial_title_required")
	}
	if len([]rune(b.Title)) > trialTitleMax {
		return apperr.New("dossier.note_too_long", "max", strconv.Itoa(trialTitleMax))
	}
	if len([]rune(b.Description)) > trialTextMax {
		return apperr.New("dossier.note_too_long", "max", strconv.Itoa(trialTextMax))
	}
	switch b.Severity {
	case "", SeverityLow, SeverityMedium, SeverityHigh:
	default:
		return apperr.New("dossier.bad_severity", "severity", b.Severity)
	}
	return nil
}

// trialIssue returns the index of issue id in st, -1 for none.
func trialIssue(st State, id string) int {
	return slices.IndexFunc(st.TrialIssues, func(t TrialIssue) bool { return t.ID == id })
}

// trialCloseRefusal says why e, a closing by its author in role, may not
// close issue i of st: dossier.trial_issue_closed when it already is,
// dossier.trial_close_not_permitted (param roles) unless the author opened
// it or holds one of the template's archive roles — the people who run
// the trial run's issue handling; with a roster (auth) the roster decides
// whether he holds it. A resolution is required (dossier.resolution_required).
func trialCloseRefusal(st *State, tpl *template.Template, auth *judge, e ledger.Event, i int, role, resolution string) error {
	if st.Flow != nil && st.Flow.Phase == workflow.PhaseArchived {
		return apperr.New("dossier.archived")
	}
	t := st.TrialIssues[i]
	if t.Closed != nil {
		return apperr.New("dossier.trial_issue_closed", "issue", t.Title)
	}
	if strings.TrimSpace(resolution) == "" {
		return apperr.New("dossier.resolution_required")
	}
	if e.Author == t.OpenedBy && role == "" {
		return nil
	}
	roles := tpl.Settings.ArchiveRoles
	denied := apperr.New("dossier.trial_close_not_permitted", "roles", strings.Join(roles, ","))
	if role == "" || !slices.Contains(roles, role) {
		return denied
	}
	if auth != nil {
		if _, err := auth.verdict(st, e, role); err != nil {
			return denied
		}
	}
	return nil
}

// archiveRefusal is the refusal of archiving st while trial-run issues are
// open and the template makes archiving wait for them; nil otherwise.
func archiveRefusal(st State, settings template.Settings) *apperr.Error {
	if !settings.ArchiveWaitsForTrialIssues {
		return nil
	}
	if n := st.OpenTrialIssues(); n > 0 {
		return apperr.New("dossier.trial_issues_open", "open", strconv.Itoa(n))
	}
	return nil
}

// applyTrial folds a trial-run issue event into st.
func (f *replay) applyTrial(e ledger.Event, p map[string]string) error {
	st := &f.st
	switch e.Kind {
	case KindTrialOpened:
		var b trialOpenedBody
		if err := e.Decode(&b); err != nil {
			return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
		}
		p["title"], p["severity"] = b.Title, b.Severity
		if err := trialOpenRefusal(*st); err != nil {
			return err
		}
		if err := checkTrialIssue(&b); err != nil {
			return err
		}
		st.TrialIssues = append(st.TrialIssues, TrialIssue{ID: e.ID, Title: b.Title, Description: b.Description,
			Severity: b.Severity, OpenedBy: e.Author, OpenedAt: e.Time})
	case KindTrialClosed:
		var b trialClosedBody
		if err := e.Decode(&b); err != nil {
			return apperr.Wrap(err, "workflow.bad_body", "kind", e.Kind)
		}
		p["resolution"] = b.Resolution
		i := trialIssue(*st, b.Issue)
		if i < 0 {
			return apperr.New("dossier.trial_issue_unknown", "issue", b.Issue)
		}
		p["title"] = st.TrialIssues[i].Title
		if err := trialCloseRefusal(st, f.tpl, f.auth, e, i, b.Role, b.Resolution); err != nil {
			return err
		}
		st.TrialIssues[i].Closed = &TrialClosing{Resolution: strings.TrimSpace(b.Resolution), By: e.Author, Role: b.Role, At: e.Time, Event: e.ID}
	}
	return nil
}

// OpenTrialIssue records an issue found in the trial run after go-live,
// by the unlocked profile now. Codes: dossier.not_live before go-live,
// dossier.archived, dossier.trial_title_required, dossier.bad_severity,
// dossier.note_too_long.
func (s *Service) OpenTrialIssue(id string, r TrialIssueRequest) (View, error) {
	return s.append(id, func(st State, _ *template.Template) (string, any, error) {
		if err := trialOpenRefusal(st); err != nil {
			return "", nil, err
		}
		b := trialOpenedBody{Title: r.Title, Description: r.Description, Severity: r.Severity}
		if err := checkTrialIssue(&b); err != nil {
			return "", nil, err
		}
		return KindTrialOpened, b, nil
	})
}

// CloseTrialIssue closes trial-run issue issue with a resolution. The
// opener closes his own issue in his name; anyone else claims the first
// archive role the fold lets him act in. Codes: dossier.trial_issue_unknown,
// dossier.trial_issue_closed, dossier.resolution_required,
// dossier.trial_close_not_permitted, dossier.archived.
func (s *Service) CloseTrialIssue(id, issue, resolution string) (View, error) {
	me, _, err := s.profiles.Signer()
	if err != nil {
		return View{}, err
	}
	return s.append(id, func(st State, tpl *template.Template) (string, any, error) {
		i := trialIssue(st, issue)
		if i < 0 {
			return "", nil, apperr.New("dossier.trial_issue_unknown", "issue", issue)
		}
		b := trialClosedBody{Issue: issue, Resolution: strings.TrimSpace(resolution)}
		if st.TrialIssues[i].OpenedBy != me.PublicKey {
			b.Role = s.claimOne(st, me, KindTrialClosed, tpl.Settings.ArchiveRoles)
		}
		if b.Role != "" {
			b.Roster = s.rosterTip()
		}
		return KindTrialClosed, b, nil
	})
}

// trialActions computes TrialActions for the profile me (nil when none is
// unlocked) on view v, by the settings of the dossier's plan.
func (s *Service) trialActions(v View, me *profile.Summary) TrialActions {
	st := v.State
	a := TrialActions{Close: []string{}, OpenCount: st.OpenTrialIssues()}
	if st.Plan == nil {
		return a
	}
	a.ArchiveBlocked = archiveRefusal(st, st.Plan.Settings)
	if me == nil {
		return a
	}
	a.Open = trialOpenRefusal(st) == nil
	if st.Flow == nil || st.Flow.Phase == workflow.PhaseArchived {
		return a
	}
	role, asked := "", false
	for _, t := range st.TrialIssues {
		if t.Closed != nil {
			continue
		}
		if t.OpenedBy != me.PublicKey && !asked {
			role, asked = s.claimOne(st, *me, KindTrialClosed, st.Plan.Settings.ArchiveRoles), true
		}
		if t.OpenedBy == me.PublicKey || role != "" {
			a.Close = append(a.Close, t.ID)
		}
	}
	return a
}
