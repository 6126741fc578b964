package core

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"

	"golive/backend/apperr"
	"golive/backend/blob"
	"golive/backend/dossier"
	"golive/backend/exchange"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/store"
	"golive/backend/system"
	"golive/backend/template"
	"golive/backend/window"
)

// bucketQuarantine holds events received without their parents, by id,
// until the parents arrive (every import tries them again).
const bucketQuarantine = "quar"

// ExportRequest says what an exchange file holds.
type ExportRequest struct {
	// Dossiers are the dossiers to send; none means every dossier (a
	// sync pack).
	Dossiers []string `json:"dossiers"`
	// Since is the path of an exchange file the receiver sent (or was
	// sent): its events are left out ("" for none).
	Since string `json:"since"`
	// Known, when not nil, leaves out the events it holds (a sync folder's
	// published events), by id.
	Known map[string]bool `json:"-"`
	// Attachments includes the files the events reference.
	Attachments bool `json:"attachments"`
	// Purpose says what the file is for; For lists the person ids it is for.
	Purpose string   `json:"purpose"`
	For     []string `json:"for"`
	// Kind is exchange.KindBundle (default) or exchange.KindPack.
	Kind string `json:"kind"`
}

// Outgoing is what an export would write.
type Outgoing struct {
	// Events are the events to write.
	Events []ledger.Event `json:"-"`
	// Count is len(Events).
	Count int `json:"events"`
	// Blobs are the attachments to write; Missing counts those referenced
	// but not in this folder.
	Blobs   []exchange.Blob `json:"blobs"`
	Missing int             `json:"missing"`
	// BlobBytes is the attachments' total size.
	BlobBytes int64 `json:"blob_bytes"`
	// Templates and Systems are what the receiver may lack.
	Templates [][]byte        `json:"-"`
	Systems   []system.System `json:"-"`
	// Dossiers are the dossiers covered.
	Dossiers []string `json:"dossiers"`
	// Since is the digest of the file answered ("" for none).
	Since string `json:"since"`
}

// Outgoing gathers what an export of req would write (nothing is
// written). Codes: exchange.no_roster (a folder without a published
// roster cannot send: nobody could judge its events), dossier.not_found,
// the codes of exchange.Open for req.Since, store codes.
func (c *Core) Outgoing(req ExportRequest) (Outgoing, error) {
	out := Outgoing{}
	if _, ok, err := c.Roster.Pinned(); err != nil {
		return out, err
	} else if !ok {
		return out, apperr.New("exchange.no_roster")
	}
	skip := map[string]bool{}
	for id := range req.Known {
		skip[id] = true
	}
	if req.Since != "" {
		f, err := exchange.Open(req.Since)
		if err != nil {
			return out, err
		}
		for _, e := range f.Events {
			skip[e.ID] = true
		}
		out.Since = f.SHA256
		_ = f.Close()
	}
	streams, err := c.Store.EventIDs()
	if err != nil {
		return out, err
	}
	dossiers := req.Dossiers
	if len(dossiers) == 0 {
		for s := range streams {
			if isDossierStream(s) {
				dossiers = append(dossiers, s)
			}
		}
	}
	sort.Strings(dossiers)
	names := append([]string{roster.Stream}, dossiers...)
	for s := range streams {
		if strings.HasPrefix(s, planPrefix) {
			names = append(names, s)
		}
	}
	want := map[string]bool{}
	templates := map[string]bool{}
	systems := map[string]bool{}
	for _, d := range dossiers {
		if _, ok := streams[d]; !ok {
			return out, apperr.New("dossier.not_found", "id", d)
		}
	}
	for _, s := range names {
		evs, err := c.Store.Events(s)
		if err != nil {
			return out, err
		}
		for _, e := range evs {
			if e.Kind == dossier.KindCreated {
				var b struct {
					Template   string `json:"template"`
					SystemCode string `json:"system_code"`
				}
				if json.Unmarshal(e.Body, &b) == nil {
					templates[b.Template], systems[b.SystemCode] = true, true
				}
			}
			if skip[e.ID] {
				continue
			}
			out.Events = append(out.Events, e)
			if req.Attachments {
				for _, sum := range dossier.BlobRefs(e.Kind, e.Body) {
					want[sum] = true
				}
			}
		}
	}
	for sum := range want {
		path, size, err := c.Dossiers.Blobs.Stat(sum)
		if apperr.HasCode(err, "blob.not_found") {
			out.Missing++
			continue
		} else if err != nil {
			return out, err
		}
		out.Blobs = append(out.Blobs, exchange.Blob{SHA256: sum, Size: size, Path: path})
		out.BlobBytes += size
	}
	sort.Slice(out.Blobs, func(i, j int) bool { return out.Blobs[i].SHA256 < out.Blobs[j].SHA256 })
	for key := range templates {
		raw, ok, err := c.Templates.Raw(key)
		if err != nil {
			return out, err
		}
		if ok {
			out.Templates = append(out.Templates, raw)
		}
	}
	for code := range systems {
		if s, err := c.Systems.Get(code); err == nil {
			out.Systems = append(out.Systems, s)
		}
	}
	sort.Slice(out.Systems, func(i, j int) bool { return out.Systems[i].Code < out.Systems[j].Code })
	out.Count, out.Dossiers = len(out.Events), dossiers
	return out, nil
}

// planPrefix starts the streams of the release-window plans (window.Stream).
const planPrefix = "plan-"

// isDossierStream reports whether a ledger stream is a dossier's.
func isDossierStream(s string) bool { return s != roster.Stream && !strings.HasPrefix(s, planPrefix) }

// ExportResult says what Export wrote.
type ExportResult struct {
	Path string `json:"path"`
	// Size is the file's size in bytes.
	Size int64 `json:"size"`
	Outgoing
}

// Export writes the exchange file out for req, signed by the unlocked
// profile. Codes: profile.locked, those of Outgoing and exchange.Write.
func (c *Core) Export(ctx context.Context, out string, req ExportRequest, progress func(done int64)) (ExportResult, error) {
	me, key, err := c.Profiles.Signer()
	if err != nil {
		return ExportResult{}, err
	}
	og, err := c.Outgoing(req)
	if err != nil {
		return ExportResult{}, err
	}
	pin, _, err := c.Roster.Pinned()
	if err != nil {
		return ExportResult{}, err
	}
	kind := req.Kind
	if kind == "" {
		kind = exchange.KindBundle
	}
	body := exchange.Body{Kind: kind, Created: c.Now().In(c.Zone), AppVersion: Version,
		Exporter: hex.EncodeToString(key.Public().(ed25519.PublicKey)), ExporterName: me.Name, Org: pin.PublicKey,
		Purpose: req.Purpose, For: req.For, Dossiers: og.Dossiers, Since: og.Since}
	size, err := exchange.Write(ctx, out, body, exchange.Contents{Events: og.Events, Blobs: og.Blobs, Templates: og.Templates, Systems: og.Systems}, key, progress)
	if err != nil {
		return ExportResult{}, err
	}
	return ExportResult{Path: out, Size: size, Outgoing: og}, nil
}

// ImportOptions say how far an import may trust a file's organisation.
type ImportOptions struct {
	// Fingerprint, when the folder pins no PMO key yet, is the root key's
	// fingerprint the user confirmed (compared with the PMO).
	Fingerprint string `json:"fingerprint"`
	// TrustNew pins the file's root key without a fingerprint when the
	// folder holds nothing yet (a new replica joining a sync folder; the
	// fingerprint is reported for the user to compare).
	TrustNew bool `json:"trust_new"`
}

// ImportReport says what an import brought.
type ImportReport struct {
	// File is the file's path; From its exporter's name; Purpose what it
	// is for.
	File    string `json:"file"`
	From    string `json:"from"`
	Purpose string `json:"purpose"`
	// Kind is the file's kind: exchange.KindBundle (a file for people,
	// imported on purpose) or exchange.KindPack (from the sync folder).
	Kind string `json:"kind"`
	// Events counts the new events stored (all streams); Blobs the new
	// attachments; Roster the new roster versions; Plans the new plan
	// versions; Templates and Systems the entries added.
	Events    int `json:"events"`
	Blobs     int `json:"blobs"`
	Roster    int `json:"roster"`
	Plans     int `json:"plans"`
	Templates int `json:"templates"`
	Systems   int `json:"systems"`
	// Waiting counts events kept aside until their parents arrive (all of
	// them, from this import and earlier ones); Queued those this import
	// put aside.
	Waiting int `json:"waiting"`
	Queued  int `json:"queued"`
	// Pinned is the fingerprint of the root key this import pinned ("" when
	// the folder pinned it before).
	Pinned string `json:"pinned"`
	// Dossiers says what changed per dossier.
	Dossiers []dossier.Arrived `json:"dossiers"`
	// Unchanged is Nothing(), for the window.
	Unchanged bool `json:"unchanged"`
}

// Nothing reports whether the import changed nothing (the file was
// imported before, or holds only what the folder has).
func (r ImportReport) Nothing() bool {
	return r.Events+r.Blobs+r.Templates+r.Systems+r.Queued == 0 && r.Pinned == ""
}

// ImportFile checks and imports the exchange file path (see Import).
func (c *Core) ImportFile(path string, opt ImportOptions) (ImportReport, error) {
	f, err := exchange.Open(path)
	if err != nil {
		return ImportReport{}, err
	}
	defer f.Close()
	return c.Import(f, opt)
}

// Import adds what the checked exchange file f brings, all or nothing:
//
//   - its organisation must be this folder's (the roster root key it names
//     is the pinned one; a folder that pins nothing pins it only with the
//     fingerprint the user confirmed, or, with TrustNew, when it holds
//     nothing yet): exchange.other_organisation, roster.not_pinned (key,
//     fingerprint);
//   - its roster versions, with the stored ones, must form a valid chain
//     (the codes of roster.VerifyChain);
//   - its exporter and the author of every event must be a key the chain
//     lists: exchange.unknown_exporter, exchange.unknown_key (event, key);
//   - window plans must be signed by a key holding the window-manager
//     role at the time (exchange.plan_not_manager) and follow each other
//     (window.plan_corrupt);
//   - templates must not contradict this folder's (template.conflict);
//   - attachments must hash to their names (the exchange codes).
//
// Events whose parents are neither stored nor in the file wait in a
// quarantine (ImportReport.Waiting) and are tried again with every later
// import. Nothing is written before all of this is checked and every
// dossier folded; then what the file brings is committed with the
// dossiers' refreshed index, in one transaction when it fits (see
// dossier.Service.Ingest for a whole portfolio). Attachments are staged
// first and kept once their events are stored. A file imported again
// changes nothing (ImportReport.Nothing).
func (c *Core) Import(f *exchange.File, opt ImportOptions) (ImportReport, error) {
	rep := ImportReport{File: f.Path, From: f.Body.ExporterName, Purpose: f.Body.Purpose, Kind: f.Body.Kind}
	c.importMu.Lock()
	defer c.importMu.Unlock()
	var puts []store.Put
	pin, ok, err := c.Roster.Pinned()
	if err != nil {
		return rep, err
	}
	root := f.Body.Org
	switch {
	case ok && pin.PublicKey != root:
		return rep, apperr.New("exchange.other_organisation", "theirs", keys.FingerprintHex(root), "ours", pin.Fingerprint)
	case !ok:
		confirmed := opt.Fingerprint
		if confirmed == "" && opt.TrustNew {
			empty, err := c.Store.Empty()
			if err != nil {
				return rep, err
			}
			if empty {
				confirmed = keys.FingerprintHex(root)
			}
		}
		if confirmed == "" {
			return rep, apperr.New(roster.CodeNotPinned, "key", root, "fingerprint", keys.FingerprintHex(root))
		}
		p, err := c.Roster.PinRecord(root, confirmed)
		if err != nil {
			return rep, err
		}
		puts = append(puts, p)
		rep.Pinned = keys.FingerprintHex(root)
	}

	// Candidates: the file's events and those waiting from earlier imports.
	waiting, err := c.quarantined()
	if err != nil {
		return rep, err
	}
	var rosterEvs, planEvs, dossierEvs []ledger.Event
	seen := map[string]bool{}
	for _, e := range append(append([]ledger.Event(nil), f.Events...), waiting...) {
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		switch {
		case e.Dossier == roster.Stream:
			rosterEvs = append(rosterEvs, e)
		case strings.HasPrefix(e.Dossier, planPrefix):
			planEvs = append(planEvs, e)
		default:
			dossierEvs = append(dossierEvs, e)
		}
	}
	stored, err := c.Store.Events(roster.Stream)
	if err != nil {
		return rep, err
	}
	chain, err := roster.VerifyChain(ledger.Merge(stored, rosterEvs), root)
	if err != nil {
		return rep, err
	}
	known := chainKeys(chain)
	if !known[f.Body.Exporter] {
		return rep, apperr.New("exchange.unknown_exporter", "key", f.Body.Exporter, "name", f.Body.ExporterName)
	}
	for _, e := range f.Events {
		if !known[e.Author] {
			return rep, apperr.New("exchange.unknown_key", "event", e.ID, "key", e.Author, "dossier", e.Dossier)
		}
	}

	// Which events can be placed: parents stored or placed in this import.
	// Which of these events, and of the parents they name (a parent is in
	// its child's stream), the folder holds: those keys only.
	lookup := map[string]string{}
	for _, e := range append(append([]ledger.Event(nil), planEvs...), dossierEvs...) {
		lookup[e.ID] = e.Dossier
		for _, p := range e.Parents {
			lookup[p] = e.Dossier
		}
	}
	have, err := c.Store.HasEvents(lookup)
	if err != nil {
		return rep, err
	}
	storedRoster := map[string]bool{}
	for _, e := range stored {
		storedRoster[e.ID] = true
	}
	for _, e := range rosterEvs {
		if !storedRoster[e.ID] {
			rep.Roster++
		}
	}
	ready, wait := placeable(append(planEvs, dossierEvs...), have)
	var readyPlans, readyDossiers []ledger.Event
	for _, e := range ready {
		if strings.HasPrefix(e.Dossier, planPrefix) {
			readyPlans = append(readyPlans, e)
			rep.Plans++
		} else {
			readyDossiers = append(readyDossiers, e)
		}
	}
	if err := c.checkPlans(readyPlans, chain, f.Templates); err != nil {
		return rep, err
	}

	// The quarantine changes last: a waiting event leaves it only once
	// it is stored, and what stays waiting is not written again.
	var last []store.Put
	stillWaiting := map[string]bool{}
	for _, e := range wait {
		stillWaiting[e.ID] = true
	}
	queued := map[string]bool{}
	for _, e := range waiting {
		queued[e.ID] = true
		if !stillWaiting[e.ID] {
			last = append(last, store.Put{Bucket: bucketQuarantine, Key: e.ID}) // placed now: delete
		}
	}
	for _, e := range wait {
		if queued[e.ID] {
			continue
		}
		raw, err := ledger.Marshal(e)
		if err != nil {
			return rep, err
		}
		last = append(last, store.Put{Bucket: bucketQuarantine, Key: e.ID, Value: json.RawMessage(raw)})
		rep.Queued++
	}
	rep.Waiting = len(wait)

	for _, raw := range f.Templates {
		p, err := c.Templates.Adopt(raw, f.Body.ExporterName)
		if err != nil {
			return rep, err
		}
		if len(p) > 0 {
			rep.Templates++
		}
		puts = append(puts, p...)
	}
	sp, err := c.Systems.Adopt(f.Systems)
	if err != nil {
		return rep, err
	}
	rep.Systems = len(sp)
	puts = append(puts, sp...)

	staged, err := c.stageBlobs(f, ready)
	if err == nil {
		// The attachments not staged are checked too: a damaged file is
		// refused whole, never half trusted.
		stagedSum := map[string]bool{}
		for _, b := range staged {
			stagedSum[b.SHA256] = true
		}
		err = f.CheckBlobs(func(sum string) bool { return stagedSum[sum] })
	}
	defer func() {
		for _, b := range staged {
			b.Discard() // no-op after Keep
		}
	}()
	if err != nil {
		return rep, err
	}
	last = append(last, c.receipts(f, chain)...) // what the sender holds, for a reply (send.go)
	other := append(rosterEvs, readyPlans...)
	arrived, err := c.Dossiers.Ingest(readyDossiers, chain, other, puts, last)
	if err != nil {
		return rep, err
	}
	c.Roster.Reload()
	c.Windows.Reload()
	for _, a := range arrived {
		rep.Events += a.New
	}
	rep.Events += rep.Roster + rep.Plans
	if err := c.Dossiers.Blobs.KeepAll(staged); err != nil {
		return rep, err
	}
	rep.Blobs = len(staged)
	rep.Dossiers = arrived
	if rep.Dossiers == nil {
		rep.Dossiers = []dossier.Arrived{}
	}
	rep.Unchanged = rep.Nothing()
	return rep, nil
}

// placeable splits events into those whose parents are in have or placed
// before them (in an order that places parents first), and the rest.
func placeable(events []ledger.Event, have map[string]bool) (ready, wait []ledger.Event) {
	placed := map[string]bool{}
	pending := events
	for {
		var next []ledger.Event
		progress := false
		for _, e := range pending {
			if have[e.ID] || placed[e.ID] {
				progress = true
				continue // already stored: nothing to do
			}
			ok := true
			for _, p := range e.Parents {
				if !have[p] && !placed[p] {
					ok = false
					break
				}
			}
			if ok {
				placed[e.ID] = true
				ready = append(ready, e)
				progress = true
			} else {
				next = append(next, e)
			}
		}
		if !progress || len(next) == 0 {
			return ready, next
		}
		pending = next
	}
}

// checkPlans refuses window-plan events that would not count: signed by a
// key that did not hold the window-manager role of the plan's template in
// the roster version of chain in force at the event's time (see
// planJudge; exchange.plan_not_manager with the judge's params), or that
// would not form, with the stored ones, each year's chain of versions
// (window.plan_corrupt, see window.Versions). A plan's template is looked
// up in the folder, then among those the file brings (templates).
func (c *Core) checkPlans(events []ledger.Event, chain *roster.Chain, templates [][]byte) error {
	if len(events) == 0 {
		return nil
	}
	if chain.Len() == 0 {
		fp := keys.FingerprintHex(events[0].Author)
		return apperr.New("exchange.plan_not_manager", "event", events[0].ID, "year", strings.TrimPrefix(events[0].Dossier, planPrefix),
			"key", fp, "signer", fp, "role", c.Template().Settings.WindowManager())
	}
	tpl := func(key string) *template.Template {
		if t, err := c.Templates.Get(key); err == nil {
			return t
		}
		for _, raw := range templates {
			if t, err := template.Parse(raw); err == nil && t.Key() == key {
				return t
			}
		}
		return c.Template()
	}
	judge := planJudge(chain, tpl)
	for _, e := range events {
		var p window.Plan
		if err := e.Decode(&p); err != nil {
			return apperr.Wrap(err, "window.plan_corrupt", "year", strings.TrimPrefix(e.Dossier, planPrefix), "event", e.ID)
		}
		if err := judge(e, p); err != nil {
			var ae *apperr.Error
			if errors.As(err, &ae) {
				kv := make([]string, 0, 2*len(ae.Params))
				for k, v := range ae.Params {
					kv = append(kv, k, v)
				}
				return apperr.New("exchange.plan_not_manager", kv...)
			}
			return err
		}
	}
	by := map[string][]ledger.Event{}
	for _, e := range events {
		by[e.Dossier] = append(by[e.Dossier], e)
	}
	for stream, evs := range by {
		year, err := strconv.Atoi(strings.TrimPrefix(stream, planPrefix))
		if err != nil {
			return apperr.New("window.plan_corrupt", "year", stream)
		}
		stored, err := c.Store.Events(stream)
		if err != nil {
			return err
		}
		if _, err := window.Versions(year, ledger.Merge(stored, evs), judge); err != nil {
			return err
		}
	}
	return nil
}

// chainKeys is every key any version of chain lists.
func chainKeys(chain *roster.Chain) map[string]bool {
	out := map[string]bool{}
	for _, v := range chain.Versions() {
		for _, p := range v.Roster.People {
			for _, k := range p.Keys {
				out[k.Public] = true
			}
		}
	}
	return out
}

// quarantined returns the events waiting for their parents.
func (c *Core) quarantined() ([]ledger.Event, error) {
	var out []ledger.Event
	err := c.Store.Each(bucketQuarantine, func(_ string, raw []byte) error {
		e, err := ledger.Unmarshal(raw)
		if err != nil {
			return nil // a damaged waiting event is dropped: it will come again
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// Waiting counts the events waiting for their parents (for the sync
// status).
func (c *Core) Waiting() (int, error) {
	evs, err := c.quarantined()
	return len(evs), err
}

// stageBlobs stages the attachments of f that the ready events reference
// and this folder lacks; it returns those staged (also on error, for the
// caller to discard).
func (c *Core) stageBlobs(f *exchange.File, ready []ledger.Event) ([]*blob.Staged, error) {
	var staged []*blob.Staged
	done := map[string]bool{}
	for _, e := range ready {
		for _, sum := range dossier.BlobRefs(e.Kind, e.Body) {
			if done[sum] || !f.HasBlob(sum) || c.Dossiers.Blobs.Claim(sum) {
				continue
			}
			done[sum] = true
			rc, err := f.OpenBlob(sum)
			if err != nil {
				return staged, err
			}
			b, err := c.Dossiers.Blobs.StageUnsynced(rc, blob.MaxSize, nil)
			_ = rc.Close()
			if err != nil {
				return staged, err
			}
			staged = append(staged, b)
			if b.SHA256 != sum {
				return staged, apperr.New("exchange.hash_mismatch", "name", exchange.BlobEntry(sum))
			}
		}
	}
	return staged, c.Dossiers.Blobs.SyncStaged(staged)
}
