package core

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golive/backend/apperr"
	"golive/backend/exchange"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/store"
	"golive/backend/template"
	"golive/backend/workflow"
)

// bucketReceived holds, per dossier, what the last exchange file made for
// people (exchange.KindBundle) that brought it said (Received), so that a
// reply carries only what its sender lacks.
const bucketReceived = "xin"

// Recipient is a person of the roster in force a dossier can be sent to.
type Recipient struct {
	// Person is his roster id; Name, Department, SubDepartment and Title
	// are his.
	Person        string `json:"person"`
	Name          string `json:"name"`
	Department    string `json:"department"`
	SubDepartment string `json:"sub_department,omitempty"`
	Title         string `json:"title,omitempty"`
	// Roles are the roles he holds outright, then those the dossier waits
	// for him in, with their names.
	Roles []RoleName `json:"roles"`
	// Waiting is true when an open task of the dossier waits for him;
	// Tasks are those tasks.
	Waiting bool            `json:"waiting"`
	Tasks   []workflow.Task `json:"tasks"`
	// Me is true for the unlocked profile's own person.
	Me bool `json:"me"`
}

// RoleName is a template role's id and name.
type RoleName struct {
	ID   string        `json:"id"`
	Name template.Text `json:"name"`
}

// Recipients lists the people of the roster in force for sending dossier
// id: those its open tasks wait for first (by the inbox's rule,
// dossier.Service.WaitsFor), then the others in the roster's order.
// Codes: dossier.not_found, roster.none (the folder has no roster), store
// codes.
func (c *Core) Recipients(id string) ([]Recipient, error) {
	v, err := c.Dossiers.Get(id)
	if err != nil {
		return nil, err
	}
	tip, ok, err := c.Roster.InForce()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, apperr.New(workflow.CodeNoRoster)
	}
	waiters, err := c.Dossiers.WaitsFor(id)
	if err != nil {
		return nil, err
	}
	tpl, _ := c.ResolveTemplate(v.State.Template)
	name := func(role string) template.Text {
		if tpl != nil {
			if r, ok := tpl.Role(role); ok {
				return r.Name
			}
		}
		return template.Text{Zh: role, En: role}
	}
	me := ""
	if cur := c.Profiles.Current(); cur != nil {
		if p, ok := tip.KeyOwner(cur.PublicKey); ok {
			me = p.ID
		}
	}
	out := make([]Recipient, 0, len(tip.People))
	for _, p := range tip.People {
		r := Recipient{Person: p.ID, Name: p.Name, Department: p.Department, SubDepartment: p.SubDepartment, Title: p.Title,
			Roles: []RoleName{}, Tasks: []workflow.Task{}, Me: p.ID == me}
		has := map[string]bool{}
		for _, role := range p.Roles {
			has[role] = true
			r.Roles = append(r.Roles, RoleName{ID: role, Name: name(role)})
		}
		for _, w := range waiters {
			if w.Person != p.ID {
				continue
			}
			r.Waiting = true
			r.Tasks = append(r.Tasks, w.Task)
			if w.Task.Role != "" && !has[w.Task.Role] {
				has[w.Task.Role] = true
				r.Roles = append(r.Roles, RoleName{ID: w.Task.Role, Name: name(w.Task.Role)})
			}
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Waiting && !out[j].Waiting })
	return out, nil
}

// SendPlan is what sending a dossier to some people would write.
type SendPlan struct {
	// Dossier is the dossier's id; For the recipients' person ids.
	Dossier string   `json:"dossier"`
	For     []string `json:"for"`
	// FileName is the suggested file name: the dossier, what it waits
	// for and for whom (e.g. "R26…-<wait for the director's approval>.golive"),
	// with no character Windows refuses in a name.
	FileName string `json:"file_name"`
	// Purpose is what the file is for (its manifest's purpose).
	Purpose string `json:"purpose"`
	// Attachments is true when the attachments go with the events.
	Attachments bool `json:"attachments"`
	// Events counts the events; Blobs, BlobBytes and Missing the
	// attachments the events reference (whether or not they go), their
	// size and those this folder lacks.
	Events    int   `json:"events"`
	Blobs     int   `json:"blobs"`
	BlobBytes int64 `json:"blob_bytes"`
	Missing   int   `json:"missing"`
	// EventBytes is the events' size; Bytes the file's size, about (the
	// events, the attachments when they go, before compression).
	EventBytes int64 `json:"event_bytes"`
	Bytes      int64 `json:"bytes"`
}

// SendPlan says what sending dossier id to the people to (roster ids) with
// or without its attachments would write, and proposes a file name.
// Codes: exchange.no_recipient (to is empty), exchange.unknown_recipient
// (person), those of Recipients and Outgoing.
func (c *Core) SendPlan(id string, to []string, attachments bool) (SendPlan, error) {
	if len(to) == 0 {
		return SendPlan{}, apperr.New("exchange.no_recipient")
	}
	people, err := c.Recipients(id)
	if err != nil {
		return SendPlan{}, err
	}
	by := map[string]Recipient{}
	for _, p := range people {
		by[p.Person] = p
	}
	var chosen []Recipient
	for _, pid := range to {
		p, ok := by[pid]
		if !ok {
			return SendPlan{}, apperr.New("exchange.unknown_recipient", "person", pid)
		}
		chosen = append(chosen, p)
	}
	og, err := c.Outgoing(ExportRequest{Dossiers: []string{id}, Attachments: true})
	if err != nil {
		return SendPlan{}, err
	}
	purpose := c.purposeFor(chosen)
	plan := SendPlan{Dossier: id, For: append([]string(nil), to...), Purpose: purpose, FileName: FileName(id + "-" + purpose),
		Attachments: attachments, Events: og.Count, Blobs: len(og.Blobs), BlobBytes: og.BlobBytes, Missing: og.Missing,
		EventBytes: eventBytes(og.Events)}
	plan.Bytes = plan.EventBytes
	if attachments {
		plan.Bytes += plan.BlobBytes
	}
	return plan, nil
}

// Send writes the exchange file out for dossier id, made for the people to
// (a SendPlan's purpose), with or without the attachments. Codes: those
// of SendPlan and Export.
func (c *Core) Send(ctx context.Context, out, id string, to []string, attachments bool, progress func(done int64)) (ExportResult, error) {
	plan, err := c.SendPlan(id, to, attachments)
	if err != nil {
		return ExportResult{}, err
	}
	return c.Export(ctx, out, ExportRequest{Dossiers: []string{id}, Attachments: attachments, Purpose: plan.Purpose,
		For: plan.For, Kind: exchange.KindBundle}, progress)
}

// Received is what the last exchange file for people that brought a
// dossier said: who sent it and the events it held (then known to hold
// them).
type Received struct {
	// File is the file's SHA-256; At when it was imported.
	File string    `json:"file"`
	At   time.Time `json:"at"`
	// Exporter is the sender's key; ExporterName his name; Person his
	// roster id ("" when the roster in force does not name the key).
	Exporter     string `json:"exporter"`
	ExporterName string `json:"exporter_name"`
	Person       string `json:"person"`
	// Events are the ids of the events the sender is known to hold: those
	// of this dossier, the roster and the window plans in his files.
	Events []string `json:"events"`
}

// receipts returns the records of what f brings for each of its
// dossiers, to be committed with its import (chain is the roster chain as
// it will be; a file for people only: a sync folder's packs are not
// answered). The sender holds every event of the file and, since an event
// names its parents, every ancestor of them, stored here or in the file;
// and the roster versions his dossier events were made under, with their
// ancestors. Events known from the same sender before are kept.
func (c *Core) receipts(f *exchange.File, chain *roster.Chain) []store.Put {
	if f.Body.Kind != exchange.KindBundle {
		return nil
	}
	person := ""
	if tip, ok := chain.Tip(); ok {
		if p, ok := tip.KeyOwner(f.Body.Exporter); ok {
			person = p.ID
		}
	}
	parents := map[string][]string{}
	add := func(evs []ledger.Event) {
		for _, e := range evs {
			parents[e.ID] = e.Parents
		}
	}
	add(f.Events)
	if evs, err := c.Store.Events(roster.Stream); err == nil {
		add(evs)
	}
	var shared []string
	per := map[string][]string{}
	for _, e := range f.Events {
		if isDossierStream(e.Dossier) {
			per[e.Dossier] = append(per[e.Dossier], e.ID)
			var b struct {
				Roster string `json:"roster"`
			}
			if json.Unmarshal(e.Body, &b) == nil && b.Roster != "" {
				per[e.Dossier] = append(per[e.Dossier], b.Roster)
			}
		} else {
			shared = append(shared, e.ID)
		}
	}
	var out []store.Put
	for _, id := range f.Body.Dossiers {
		if evs, err := c.Store.Events(id); err == nil {
			add(evs)
		}
		known := map[string]bool{}
		var old Received
		same := c.Store.Get(bucketReceived, id, &old) == nil && old.Exporter == f.Body.Exporter
		if same {
			for _, e := range old.Events {
				known[e] = true
			}
		}
		had := len(known)
		stack := append(append([]string(nil), shared...), per[id]...)
		for len(stack) > 0 {
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if known[e] {
				continue
			}
			known[e] = true
			stack = append(stack, parents[e]...)
		}
		if same && len(known) == had {
			continue // a file replayed: the record already says all of it
		}
		r := Received{File: f.SHA256, At: c.Now().In(c.Zone), Exporter: f.Body.Exporter, ExporterName: f.Body.ExporterName, Person: person}
		for e := range known {
			r.Events = append(r.Events, e)
		}
		sort.Strings(r.Events)
		out = append(out, store.Put{Bucket: bucketReceived, Key: id, Value: r})
	}
	return out
}

// LastReceived returns what the last exchange file for people that
// brought dossier id said, and false when none did.
func (c *Core) LastReceived(id string) (Received, bool, error) {
	var r Received
	err := c.Store.Get(bucketReceived, id, &r)
	if apperr.HasCode(err, "store.not_found") {
		return Received{}, false, nil
	}
	return r, err == nil, err
}

// ReplyPlan says whether dossier id can be answered: a file for people
// brought it, and this folder holds events of it (or of the roster and
// plans) its sender lacks.
type ReplyPlan struct {
	// Possible is true when a reply would carry something.
	Possible bool `json:"possible"`
	// To is the sender's person id and name; File the answered file's
	// SHA-256; Received when it was imported ("" and zero without one).
	To       string    `json:"to"`
	ToName   string    `json:"to_name"`
	File     string    `json:"file"`
	Received time.Time `json:"received"`
	// FileName is the suggested file name; Purpose the manifest's.
	FileName string `json:"file_name"`
	Purpose  string `json:"purpose"`
	// Events counts the events the reply carries (the dossier's among
	// them: DossierEvents); Blobs and BlobBytes its attachments; Bytes its
	// size, about.
	Events        int   `json:"events"`
	DossierEvents int   `json:"dossier_events"`
	Blobs         int   `json:"blobs"`
	BlobBytes     int64 `json:"blob_bytes"`
	Bytes         int64 `json:"bytes"`
}

// ReplyPlan says what a reply to the last file that brought dossier id
// would carry: only the events its sender lacks, with their attachments.
// Codes: those of Outgoing.
func (c *Core) ReplyPlan(id string) (ReplyPlan, error) {
	rec, ok, err := c.LastReceived(id)
	if err != nil || !ok {
		return ReplyPlan{}, err
	}
	og, err := c.Outgoing(replyRequest(id, rec))
	if err != nil {
		return ReplyPlan{}, err
	}
	p := ReplyPlan{To: rec.Person, ToName: rec.ExporterName, File: rec.File, Received: rec.At,
		Purpose: replyWord, FileName: FileName(id + "-" + replyWord + rec.ExporterName),
		Events: og.Count, Blobs: len(og.Blobs), BlobBytes: og.BlobBytes}
	for _, e := range og.Events {
		if e.Dossier == id {
			p.DossierEvents++
		}
	}
	p.Possible = p.DossierEvents > 0
	p.Bytes = eventBytes(og.Events) + og.BlobBytes
	return p, nil
}

// Reply writes to out the answer to the last file that brought dossier
// id: the events its sender lacks and their attachments, addressed to him
// (purpose "reply"). Codes: exchange.nothing_to_reply (no file brought
// the dossier, or the sender holds everything), those of Export.
func (c *Core) Reply(ctx context.Context, out, id string, progress func(done int64)) (ExportResult, error) {
	plan, err := c.ReplyPlan(id)
	if err != nil {
		return ExportResult{}, err
	}
	if !plan.Possible {
		return ExportResult{}, apperr.New("exchange.nothing_to_reply", "dossier", id)
	}
	rec, _, err := c.LastReceived(id)
	if err != nil {
		return ExportResult{}, err
	}
	return c.Export(ctx, out, replyRequest(id, rec), progress)
}

// replyRequest is the export that answers rec for dossier id.
func replyRequest(id string, rec Received) ExportRequest {
	known := make(map[string]bool, len(rec.Events))
	for _, e := range rec.Events {
		known[e] = true
	}
	req := ExportRequest{Dossiers: []string{id}, Known: known, Attachments: true, Purpose: replyWord, Kind: exchange.KindBundle}
	if rec.Person != "" {
		req.For = []string{rec.Person}
	}
	return req
}

// The words of purposes and file names (Chinese, as escapes: Go sources
// hold no Chinese text). Names and roles come from the roster and the
// template as they are.
const (
	replyWord  = "\u56de\u590d" // reply
	waitWord   = "\u5f85"       // waiting for
	forWord    = "\u7ed9"       // for
	listJoiner = "\u3001"
)

// taskWords names what each kind of task asks for.
var taskWords = map[string]string{
	"decide": "\u5ba1\u6279", "submit": "\u63d0\u4ea4", "file": "\u5907\u6848", "execute": "\u53d1\u5e03",
	"supervise": "\u76d1\u7763", "confirm": "\u786e\u8ba4", "postpone": "\u5ef6\u671f", "archive": "\u5f52\u6863",
}

// purposeFor says what a file for the people chosen is for: what the
// dossier waits for from them ("<wait> <role or name> <approve>"), else
// simply for whom.
func (c *Core) purposeFor(chosen []Recipient) string {
	var who []string
	word := ""
	for _, p := range chosen {
		if !p.Waiting || len(p.Tasks) == 0 {
			continue
		}
		t := p.Tasks[0]
		label := p.Name
		for _, r := range p.Roles {
			if r.ID == t.Role && r.Name.Zh != "" {
				label = r.Name.Zh
			}
		}
		who = appendOnce(who, label)
		if word == "" {
			word = taskWords[t.Kind]
		}
	}
	if len(who) > 0 {
		return waitWord + strings.Join(who, listJoiner) + word
	}
	var names []string
	for _, p := range chosen {
		names = appendOnce(names, p.Name)
	}
	return forWord + strings.Join(names, listJoiner)
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// eventBytes is the events' size as the file stores them.
func eventBytes(evs []ledger.Event) int64 {
	var n int64
	for _, e := range evs {
		if raw, err := ledger.Marshal(e); err == nil {
			n += int64(len(raw)) + 1
		}
	}
	return n
}

// maxNameRunes bounds a suggested file name, before its extension.
const maxNameRunes = 100

// FileName turns base into an exchange file's name that every system
// accepts: characters Windows refuses (<>:"/\|?* and control characters)
// become "_", the name is cut to a reasonable length, trailing dots and
// spaces go, and the extension .golive is added.
func FileName(base string) string {
	var b strings.Builder
	n := 0
	for _, r := range base {
		if n == maxNameRunes {
			break
		}
		if r == utf8.RuneError || unicode.IsControl(r) || strings.ContainsRune(`<>:"/\|?*`, r) {
			r = '_'
		}
		b.WriteRune(r)
		n++
	}
	name := strings.TrimRight(strings.TrimSpace(b.String()), ". ")
	if name == "" {
		name = "golive"
	}
	return name + exchange.Ext
}
