package app_test

import (
	"path/filepath"

	"golive/app"
	"golive/backend/demo"
	"golive/backend/dossier"
	"golive/backend/workflow"
)

// recordExchange (file "exchange"): the project manager sends a dossier
// waiting for a director's decision (the roster's people, the plan with
// and without attachments, the file written); the director's own new
// folder refuses the file until the PMO key is confirmed, then imports it
// (the report, his inbox), decides, and replies (the reply plan before and
// after); the project manager imports the reply (the report says the
// director acted on a dossier he follows).
func recordExchange(r *recorder) {
	const file = "exchange"
	// What every screen asks: files opened with the app (none), and
	// whether the open dossier can be answered (no file brought any
	// sample dossier: the same answer for each).
	r.must("base", "", "ExchangeAPI.TakeOpened", nil, r.api.Exchange.TakeOpened(), nil)
	none, err := r.api.Exchange.ReplyPlan(r.placed[0].ID)
	if err != nil || none.Possible {
		r.t.Fatalf("a sample dossier no file brought: %+v %v", none, err)
	}
	r.files["base"] = append(r.files["base"], recording{Call: "ExchangeAPI.ReplyPlan", Args: []any{}, AnyArgs: true, Result: none})
	r.as("project_manager")
	me := r.c.Profiles.Current()
	list, err := r.c.Dossiers.List(dossier.Filter{})
	if err != nil {
		r.t.Fatal(err)
	}
	var d dossier.Summary
	var w dossier.Waiter
	for _, s := range list {
		if s.CreatedBy != me.PublicKey || s.Phase != workflow.PhaseApproval {
			continue
		}
		ws, err := r.c.Dossiers.WaitsFor(s.ID)
		if err != nil {
			r.t.Fatal(err)
		}
		for _, x := range ws {
			if x.Task.Kind == "decide" && x.Key != me.PublicKey && d.ID == "" {
				d, w = s, x
			}
		}
	}
	if d.ID == "" {
		r.t.Fatal("no sample dossier of the project manager waits for a decision")
	}
	api := r.api.Exchange
	people, err := api.Recipients(d.ID)
	r.must(file, "project_manager", "ExchangeAPI.Recipients", []any{d.ID}, people, err)
	to := []string{w.Person}
	for _, att := range []bool{true, false} {
		plan, err := api.SendPlan(d.ID, to, att)
		r.must(file, "project_manager", "ExchangeAPI.SendPlan", []any{d.ID, to, att}, plan, err)
	}
	_, err = api.SendPlan(d.ID, []string{}, true)
	r.fails(file, "ExchangeAPI.SendPlan", []any{d.ID, []string{}, true}, "exchange.no_recipient", err)
	out := r.t.TempDir()
	plan, _ := api.SendPlan(d.ID, to, true)
	path := filepath.Join(out, plan.FileName)
	sent, err := api.SendToPath(d.ID, to, true, path)
	// The window's call is SendTo (a save dialog); the answer is the same.
	r.must(file, "project_manager", "ExchangeAPI.SendTo", []any{d.ID, to, true}, portable(r, sent, out), err)
	reply, err := api.ReplyPlan(d.ID)
	r.must(file, "project_manager", "ExchangeAPI.ReplyPlan", []any{d.ID}, reply, err)

	// The director's own folder: his key and nothing else.
	bc := openAt(r.t, r.t.TempDir())
	b := app.New(bc, nil)
	var director string
	all, err := r.c.Profiles.List()
	if err != nil {
		r.t.Fatal(err)
	}
	for _, p := range all {
		if p.PublicKey == w.Key {
			director = p.ID
		}
	}
	key, err := r.c.Profiles.Export(director, demo.SamplePassphrase)
	if err != nil {
		r.t.Fatal(err)
	}
	if _, err := bc.Profiles.Import(key, demo.SamplePassphrase); err != nil {
		r.t.Fatal(err)
	}
	_, err = b.Exchange.ImportFile(path)
	r.fails(file, "ExchangeAPI.ImportFile", []any{filepath.Join(fixtureFolder, plan.FileName)}, "roster.not_pinned", err)
	pin, _, _ := r.c.Roster.Pinned()
	rep, err := b.Exchange.ImportConfirmed(path, pin.Fingerprint)
	r.must(file, "director", "ExchangeAPI.ImportConfirmed", []any{filepath.Join(fixtureFolder, plan.FileName), pin.Fingerprint}, portable(r, rep, out), err)
	if _, err := b.Profiles.Unlock(director, demo.SamplePassphrase); err != nil {
		r.t.Fatal(err)
	}
	inbox, err := b.Dossiers.Inbox()
	r.must(file, "director", "DossierAPI.Inbox", nil, inbox, err)
	rp, err := b.Exchange.ReplyPlan(d.ID)
	r.must(file, "director", "ExchangeAPI.ReplyPlan", []any{d.ID}, rp, err)
	v, err := b.Dossiers.Get(d.ID)
	if err != nil {
		r.t.Fatal(err)
	}
	spec, _ := v.State.Plan.Slot(w.Task.Step, w.Task.Row)
	if _, err := b.Dossiers.Decide(d.ID, dossier.DecideRequest{Step: w.Task.Step, Row: w.Task.Row, Decision: workflow.DecisionApprove,
		Comment: "ok", Answers: demo.YesTo(spec.Items, "")}); err != nil {
		r.t.Fatal(err)
	}
	rp, err = b.Exchange.ReplyPlan(d.ID)
	r.must(file, "director", "ExchangeAPI.ReplyPlan", []any{d.ID}, rp, err)
	if !rp.Possible {
		r.t.Fatalf("after a decision the director can reply: %+v", rp)
	}
	back := filepath.Join(out, rp.FileName)
	written, err := b.Exchange.ReplyToPath(d.ID, back)
	r.must(file, "director", "ExchangeAPI.Reply", []any{d.ID}, portable(r, written, out), err)

	got, err := api.ImportFile(back)
	r.must(file, "project_manager", "ExchangeAPI.ImportFile", []any{filepath.Join(fixtureFolder, rp.FileName)}, portable(r, got, out), err)
}
