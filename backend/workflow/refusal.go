package workflow

// SubmissionMissing returns the refusal a submission with answers would
// meet for what it lacks: workflow.incomplete naming every unanswered
// item of the start step and every absent required deliverable, or nil
// when nothing is missing. The dossier's fold adds these to its own
// refusal of a submission whose preparation checklist is not done, so
// that one refusal names everything missing.
func (st *State) SubmissionMissing(df DossierFacts, answers map[string]Answer) error {
	if df.Plan == nil || len(df.Plan.Slots()) == 0 {
		return nil
	}
	return st.missing(df, df.Plan.Slots()[0], answers, nil)
}
