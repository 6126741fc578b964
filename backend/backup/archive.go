package backup

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/documents"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/pdfsig"
	"golive/backend/printable"
	"golive/backend/roster"
	"golive/backend/workflow"
)

// Entry names of a dossier archive (besides the manifest, events.jsonl,
// records.jsonl and the blobs).
const (
	// ReadmeName is the README in Chinese.
	ReadmeName = "README.txt"
	// RosterEventsName holds the roster's events (every version).
	RosterEventsName = "roster/events.jsonl"
	// KeysName lists the keys that signed the events and documents.
	KeysName = "signers.json"
	// AttachmentsName lists the attachments by deliverable and name.
	AttachmentsName = "attachments.json"
	// DocumentsPrefix starts the name of every signed PDF.
	DocumentsPrefix = "documents/"
)

var archiveKind = kind{format: ArchiveFormat, version: ArchiveVersion, validName: archiveName}

var documentName = regexp.MustCompile(`^documents/([a-z-]+)\.pdf$`)

// archiveName reports whether name may be an entry of an archive.
func archiveName(name string) bool {
	switch name {
	case ReadmeName, EventsName, RosterEventsName, RecordsName, KeysName, AttachmentsName:
		return true
	}
	if m := documentName.FindStringSubmatch(name); m != nil {
		return isDossierKind(m[1])
	}
	_, ok := blobSum(name)
	return ok
}

func isDossierKind(k string) bool {
	for _, x := range printable.DossierKinds {
		if x == k {
			return true
		}
	}
	return false
}

// archiveBuckets are the records an archive may carry: the roster's
// pinned PMO key, the pinned template, the system, identity cards. A
// profile never: it would make its key "known" to a verifier.
func archiveRecord(key string) bool {
	if key == "roster/pin" {
		return true
	}
	for _, p := range []string{"tpl/", "sys/", "ident/"} {
		if strings.HasPrefix(key, p) && len(key) > len(p) {
			return true
		}
	}
	return false
}

// ArchiveRequest names the dossier to package and the language of its
// documents ("zh" or "en").
type ArchiveRequest struct {
	Dossier string
	Lang    string
}

// ArchiveResult describes a written archive.
type ArchiveResult struct {
	Path    string `json:"path"`
	Bytes   int64  `json:"bytes"`
	Dossier string `json:"dossier"`
	Title   string `json:"title"`
	Counts  Counts `json:"counts"`
	// Documents are the PDF kinds it holds; Skipped the dossier kinds
	// that could not be made for this dossier, with the reason's code.
	Documents []string          `json:"documents"`
	Skipped   map[string]string `json:"skipped,omitempty"`
}

// AttachmentInfo is one line of attachments.json.
type AttachmentInfo struct {
	Deliverable string `json:"deliverable,omitempty"`
	No          int    `json:"no,omitempty"`
	Name        string `json:"name,omitempty"`
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
	// HashOnly marks a package recorded by hash only: not in the archive.
	HashOnly bool `json:"hash_only,omitempty"`
	// Entry is the archive entry holding it ("" when hash only).
	Entry string `json:"entry,omitempty"`
}

// ExportDossier writes to out the archive package of the archived dossier
// req.Dossier of c (see the package comment), its PDFs signed by signer.
// Codes: dossier.not_found, backup.not_archived (dossier, phase),
// backup.attachment_missing (sha256) when a stored attachment's file is
// gone, those of documents.Service.PDF for the confirmation, and those of
// writing (backup.write_failed, …).
func ExportDossier(ctx context.Context, c *core.Core, signer *pdfsig.Signer, req ArchiveRequest, out string, opt Options) (ArchiveResult, error) {
	v, err := c.Dossiers.Get(strings.TrimSpace(req.Dossier))
	if err != nil {
		return ArchiveResult{}, err
	}
	st := v.State
	if st.Flow == nil || st.Flow.Phase != workflow.PhaseArchived {
		phase := ""
		if st.Flow != nil {
			phase = st.Flow.Phase
		}
		return ArchiveResult{}, apperr.New("backup.not_archived", "dossier", st.ID, "phase", phase)
	}
	a := &archiveBuilder{c: c, id: st.ID, keys: map[string][]string{}, res: ArchiveResult{Dossier: st.ID, Title: st.Title, Skipped: map[string]string{}}}
	events, err := a.streamLines(st.ID, "events")
	if err != nil {
		return ArchiveResult{}, err
	}
	rosterEvents, err := a.streamLines(roster.Stream, "roster")
	if err != nil {
		return ArchiveResult{}, err
	}
	docs, err := a.documents(req.Lang, signer)
	if err != nil {
		return ArchiveResult{}, err
	}
	a.keys[signer.Profile.PublicKey] = append(a.keys[signer.Profile.PublicKey], "documents")
	blobs, infos, err := a.attachments(st.Flow)
	if err != nil {
		return ArchiveResult{}, err
	}
	records, err := a.records(st.Template, st.SystemCode)
	if err != nil {
		return ArchiveResult{}, err
	}
	keysJSON, root, err := a.keysFile(signer)
	if err != nil {
		return ArchiveResult{}, err
	}
	created := opt.now()
	m := Manifest{Format: ArchiveFormat, Version: ArchiveVersion, Created: created, Zone: created.Location().String(),
		AppVersion: opt.AppVersion, Source: c.Store.Dir(), Dossier: st.ID, Title: st.Title,
		Counts: Counts{Events: a.res.Counts.Events, RosterEvents: a.res.Counts.RosterEvents, Records: a.res.Counts.Records, Blobs: len(blobs), Documents: len(docs)}}
	attJSON, _ := json.MarshalIndent(infos, "", " ")
	readme, err := renderReadme(readmeData{Manifest: m, System: st.SystemCode, SystemName: v.SystemName, Signer: signer.Profile.Name,
		SignerFingerprint: signer.Profile.Fingerprint, Root: root, Documents: a.res.Documents, Attachments: infos})
	if err != nil {
		return ArchiveResult{}, err
	}
	parts := []part{inMemory(ReadmeName, readme), inMemory(EventsName, events), inMemory(RosterEventsName, rosterEvents),
		inMemory(RecordsName, records), inMemory(KeysName, keysJSON), inMemory(AttachmentsName, attJSON)}
	parts = append(append(parts, docs...), blobs...)
	size, err := writeZip(ctx, out, m, parts, opt.Progress)
	if err != nil {
		return ArchiveResult{}, err
	}
	a.res.Path, a.res.Bytes, a.res.Counts = out, size, m.Counts
	if len(a.res.Skipped) == 0 {
		a.res.Skipped = nil
	}
	return a.res, nil
}

// archiveBuilder gathers the entries of one dossier's archive.
type archiveBuilder struct {
	c  *core.Core
	id string
	// keys maps each signing key to what it signed.
	keys map[string][]string
	res  ArchiveResult
}

// streamLines returns the events of stream, in ledger order, one per line
// as stored, and notes their authors as having signed what.
func (a *archiveBuilder) streamLines(stream, what string) ([]byte, error) {
	evs, err := a.c.Store.Events(stream)
	if err != nil {
		return nil, err
	}
	evs, err = ledger.Order(evs)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	for _, e := range evs {
		b, err := ledger.Marshal(e)
		if err != nil {
			return nil, err
		}
		buf.Write(b)
		buf.WriteByte('\n')
		if !contains(a.keys[e.Author], what) {
			a.keys[e.Author] = append(a.keys[e.Author], what)
		}
	}
	if stream == roster.Stream {
		a.res.Counts.RosterEvents = len(evs)
	} else {
		a.res.Counts.Events = len(evs)
	}
	return buf.Bytes(), nil
}

// documents makes the dossier's PDFs: the confirmation (its failure is
// the export's), and every other dossier kind that can be made.
func (a *archiveBuilder) documents(lang string, signer *pdfsig.Signer) ([]part, error) {
	svc := a.c.Documents()
	var parts []part
	for _, kind := range printable.DossierKinds {
		out, err := svc.PDF(documents.Request{Kind: kind, Dossier: a.id, Lang: lang}, signer)
		if err != nil {
			if kind == printable.KindConfirmation {
				return nil, err
			}
			a.res.Skipped[kind] = apperr.Code(err)
			continue
		}
		parts = append(parts, inMemory(DocumentsPrefix+kind+".pdf", out.PDF))
		a.res.Documents = append(a.res.Documents, kind)
	}
	return parts, nil
}

// attachments returns a part for every stored blob the dossier's events
// name (attachments, handwriting), and the list of attachments for
// attachments.json.
func (a *archiveBuilder) attachments(flow *workflow.State) ([]part, []AttachmentInfo, error) {
	evs, err := a.c.Store.Events(a.id)
	if err != nil {
		return nil, nil, err
	}
	named := map[string]bool{}
	for _, e := range evs {
		for _, s := range hashesIn(e.Body) {
			named[s] = true
		}
	}
	var infos []AttachmentInfo
	listed, required := map[string]bool{}, map[string]bool{}
	deliverables := make([]string, 0, len(flow.Deliverables))
	for k := range flow.Deliverables {
		deliverables = append(deliverables, k)
	}
	sort.Strings(deliverables)
	for _, k := range deliverables {
		for _, ver := range flow.Deliverables[k] {
			info := AttachmentInfo{Deliverable: k, No: ver.No, Name: ver.Name, SHA256: ver.SHA256, Size: ver.Size, HashOnly: ver.HashOnly}
			if !ver.HashOnly {
				info.Entry = BlobEntryName(ver.SHA256)
				named[ver.SHA256], required[ver.SHA256] = true, true
			}
			listed[ver.SHA256] = true
			infos = append(infos, info)
		}
	}
	sums := make([]string, 0, len(named))
	for s := range named {
		sums = append(sums, s)
	}
	sort.Strings(sums)
	var parts []part
	for _, sum := range sums {
		path := filepath.Join(a.c.Store.Dir(), "blobs", "sha256", sum[:2], sum[2:])
		fi, err := os.Stat(path)
		if errors.Is(err, os.ErrNotExist) {
			if required[sum] {
				return nil, nil, apperr.New("backup.attachment_missing", "sha256", sum)
			}
			continue // a hash that names no stored file (an event id, a key, a package recorded by hash)
		}
		if err != nil {
			return nil, nil, apperr.Wrap(err, "backup.blob_unreadable", "sha256", sum)
		}
		parts = append(parts, blobPart(sum, path, "", fi.Size()))
		if !listed[sum] {
			infos = append(infos, AttachmentInfo{SHA256: sum, Size: fi.Size(), Entry: BlobEntryName(sum)})
		}
	}
	return parts, infos, nil
}

// hashesIn returns every string of the JSON body that is a SHA-256 in
// lowercase hex.
func hashesIn(body json.RawMessage) []string {
	var out []string
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if err != nil {
			return out // io.EOF, or a body that is not JSON (never: events verify)
		}
		if s, ok := tok.(string); ok && hexSHA.MatchString(s) {
			out = append(out, s)
		}
	}
}

// records returns the records the documents are checked against: the
// roster's pinned PMO key, the pinned template (when it is not the
// built-in one), the system, and the identity cards of the signing keys.
func (a *archiveBuilder) records(template, system string) ([]byte, error) {
	names := []string{"roster/pin", "tpl/" + template, "sys/" + system}
	signers := make([]string, 0, len(a.keys))
	for k := range a.keys {
		signers = append(signers, k)
	}
	sort.Strings(signers)
	for _, k := range signers {
		names = append(names, "ident/"+k)
	}
	var buf []byte
	for _, k := range names {
		bucket, key, _ := strings.Cut(k, "/")
		var raw json.RawMessage
		err := a.c.Store.Get(bucket, key, &raw)
		if apperr.HasCode(err, "store.not_found") {
			continue
		}
		if err != nil {
			return nil, err
		}
		buf = newRecordLine([]byte(k), raw).appendTo(buf)
		a.res.Counts.Records++
	}
	return buf, nil
}

// KeyInfo is one key of signers.json.
type KeyInfo struct {
	PublicKey   string `json:"public_key"`
	Fingerprint string `json:"fingerprint"`
	// Name and Source are from the roster ("roster") or an identity card
	// ("card", self-declared); "" when neither names the key.
	Name   string `json:"name"`
	Source string `json:"source"`
	// Signed says what the key signed: "events", "roster", "documents".
	Signed []string `json:"signed"`
}

// keysFile returns signers.json and the fingerprint of the roster's root.
func (a *archiveBuilder) keysFile(signer *pdfsig.Signer) ([]byte, string, error) {
	dir, err := a.c.Dossiers.People()
	if err != nil {
		return nil, "", err
	}
	var list []KeyInfo
	for pub, what := range a.keys {
		k := KeyInfo{PublicKey: pub, Fingerprint: keys.FingerprintHex(pub), Signed: what}
		if e, ok := dir.Lookup(pub); ok {
			k.Name, k.Source = e.Name, e.Source
		}
		list = append(list, k)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].PublicKey < list[j].PublicKey })
	root := ""
	if pin, ok, err := a.c.Roster.Pinned(); err == nil && ok {
		root = pin.Fingerprint
	}
	b, err := json.MarshalIndent(struct {
		RosterRoot string    `json:"roster_root_fingerprint"`
		Documents  string    `json:"documents_signed_by"`
		Keys       []KeyInfo `json:"keys"`
	}{root, signer.Profile.PublicKey, list}, "", " ")
	if err != nil {
		return nil, "", apperr.Wrap(err, apperr.Internal)
	}
	return b, root, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
