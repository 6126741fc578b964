package roster

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/store"
)

// A roster file (组织名册文件) carries the published versions of a folder's
// chain to other folders: the PMO exports it, everyone else accepts it.
// It is one JSON object, {"format":"golive-roster/1","events":[…]}, whose
// events are the roster.published events in their wire form
// (ledger.Marshal), oldest first, one a line.

// FileFormat is the value of a roster file's "format" member.
const FileFormat = "golive-roster/1"

// FileExt is the extension of a roster file.
const FileExt = ".golive-roster"

// MaxFileBytes is the largest roster file ReadFile and ParseFile accept
// (roster.file_too_large, params max in bytes): a roster version takes a
// few kilobytes, so this holds thousands of versions. Reading is linear
// in the file: one JSON pass, then each event decoded (ledger.Unmarshal,
// itself linear) and its signature checked once.
const MaxFileBytes = 32 << 20

// Codes of roster files (ReadFile, ParseFile, Export, Preview, Accept).
const (
	// CodeNone: the folder has no published roster to export.
	CodeNone = "roster.none"
	// CodeFileTooLarge: the file holds more than MaxFileBytes bytes (params: max).
	CodeFileTooLarge = "roster.file_too_large"
	// CodeFileMalformed: the file is not a roster file's JSON, or one of its
	// events is not a well-formed event (params: event, the index from 1,
	// when an event is at fault).
	CodeFileMalformed = "roster.file_malformed"
	// CodeFileFormat: the file's format is not FileFormat (params: format).
	CodeFileFormat = "roster.file_format"
	// CodeFileEmpty: the file holds no roster version.
	CodeFileEmpty = "roster.file_empty"
	// CodeFileRoots: the file's versions do not descend from one first
	// version (params: roots).
	CodeFileRoots = "roster.file_roots"
)

// File is a parsed roster file: the events it carries, each verified
// (id and signature) but not yet checked as a chain.
type File struct {
	// Events are the roster events, in the file's order.
	Events []ledger.Event
}

// fileWire is the JSON layout of a roster file.
type fileWire struct {
	Format string            `json:"format"`
	Events []json.RawMessage `json:"events"`
}

// Export returns the folder's chain (the versions in force, oldest first)
// as a roster file, and the number of versions it holds. Codes:
// roster.none when nothing was published, the codes of Chain, ledger and
// store codes.
func (s *Service) Export() ([]byte, int, error) {
	c, err := s.Chain()
	if err != nil {
		return nil, 0, err
	}
	if c.Len() == 0 {
		return nil, 0, apperr.New(CodeNone)
	}
	evs, err := s.st.Events(Stream)
	if err != nil {
		return nil, 0, apperr.Wrap(err, CodeChainCorrupt)
	}
	byID := map[string]ledger.Event{}
	for _, e := range evs {
		byID[e.ID] = e
	}
	var b bytes.Buffer
	b.WriteString(`{"format":"` + FileFormat + `","events":[`)
	for i, v := range c.versions {
		e, ok := byID[v.Event]
		if !ok {
			return nil, 0, apperr.New(CodeChainCorrupt, "code", CodeMissingParent)
		}
		w, err := ledger.Marshal(e)
		if err != nil {
			return nil, 0, err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n")
		b.Write(w)
	}
	b.WriteString("\n]}\n")
	return b.Bytes(), c.Len(), nil
}

// ReadFile reads a roster file from r, reading at most MaxFileBytes+1
// bytes so that a huge input is refused without being read. Codes as
// ParseFile, and roster.file_malformed when r fails.
func ReadFile(r io.Reader) (File, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return File{}, apperr.Wrap(err, CodeFileMalformed)
	}
	return ParseFile(b)
}

// ParseFile decodes a roster file strictly (no unknown members, no
// trailing data) and verifies each event's id and signature. Codes:
// roster.file_too_large, roster.file_format (another format, or none),
// roster.file_malformed (bad JSON, or a bad event: params.event is its
// position from 1), roster.file_empty.
func ParseFile(b []byte) (File, error) {
	if len(b) > MaxFileBytes {
		return File{}, apperr.New(CodeFileTooLarge, "max", strconv.Itoa(MaxFileBytes))
	}
	var head struct {
		Format json.RawMessage `json:"format"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return File{}, apperr.Wrap(err, CodeFileMalformed)
	}
	var format string
	if json.Unmarshal(head.Format, &format) != nil || format != FileFormat {
		return File{}, apperr.New(CodeFileFormat, "format", format).WithDetail("the file's format is %q, not %q", format, FileFormat)
	}
	var w fileWire
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return File{}, apperr.Wrap(err, CodeFileMalformed)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return File{}, apperr.New(CodeFileMalformed).WithDetail("trailing data after the roster file")
	}
	if len(w.Events) == 0 {
		return File{}, apperr.New(CodeFileEmpty)
	}
	f := File{Events: make([]ledger.Event, 0, len(w.Events))}
	for i, raw := range w.Events {
		e, err := ledger.Unmarshal(raw)
		if err != nil {
			return File{}, apperr.Wrap(err, CodeFileMalformed, "event", strconv.Itoa(i+1), "code", apperr.Code(err))
		}
		f.Events = append(f.Events, e)
	}
	return f, nil
}

// Preview is what a user sees of a received roster file before accepting
// it: whose key the chain is rooted in, to compare its fingerprint with
// the PMO, and how it stands against the folder's pin.
type Preview struct {
	// Organisation is the organisation named by the latest version.
	Organisation string `json:"organisation"`
	// RootKey is the public key (hex) that signed version 1.
	RootKey string `json:"root_key"`
	// Fingerprint is keys.Fingerprint of RootKey (grouped hex), to compare
	// with the PMO's profile page.
	Fingerprint string `json:"fingerprint"`
	// RootName and RootID name the PMO who signed version 1, as it lists him.
	RootName string `json:"root_name"`
	// RootID is the root PMO's person id.
	RootID string `json:"root_id"`
	// Versions is the number of versions of the file's chain.
	Versions int `json:"versions"`
	// Latest is the number of the latest version.
	Latest int `json:"latest"`
	// LatestAt is when the latest version was published, RFC 3339.
	LatestAt string `json:"latest_at"`
	// People counts the people the latest version lists.
	People int `json:"people"`
	// New counts the versions this folder does not hold yet.
	New int `json:"new"`
	// Pin says how the file stands against the folder's pin: "none" (the
	// folder pins no key: accepting needs the confirmed fingerprint),
	// "same" (it pins the root key), or "foreign" (it pins another key:
	// the file cannot be accepted).
	Pin string `json:"pin"`
	// PinnedFingerprint is the folder's pinned key's fingerprint, if any.
	PinnedFingerprint string `json:"pinned_fingerprint"`
}

// The values of Preview.Pin.
const (
	PinNone    = "none"
	PinSame    = "same"
	PinForeign = "foreign"
)

// rootOf returns the author of the file's only first version. Codes:
// roster.file_roots when there is none or more than one signer of first
// versions.
func rootOf(f File) (string, error) {
	// A set, not a list: a file of many first versions by many keys would
	// make a list search quadratic.
	roots := map[string]bool{}
	root := ""
	for _, e := range f.Events {
		if len(e.Parents) == 0 {
			roots[e.Author] = true
			root = e.Author
		}
	}
	if len(roots) != 1 {
		return "", apperr.New(CodeFileRoots, "roots", strconv.Itoa(len(roots)))
	}
	return root, nil
}

// Preview checks a received roster file as a chain rooted in its own
// first version's key and describes it, writing nothing. Codes:
// roster.file_roots, the codes of VerifyChain, store codes.
func (s *Service) Preview(f File) (Preview, error) {
	root, err := rootOf(f)
	if err != nil {
		return Preview{}, err
	}
	c, err := VerifyChain(f.Events, root)
	if err != nil {
		return Preview{}, err
	}
	first, last := c.versions[0], c.versions[c.Len()-1]
	p := Preview{Organisation: last.Organisation, RootKey: root, Fingerprint: keys.FingerprintHex(root),
		Versions: c.Len(), Latest: last.Version, LatestAt: last.PublishedAt.Format(timeLayout), People: len(last.People), Pin: PinNone}
	if owner, ok := first.KeyOwner(root); ok {
		p.RootName, p.RootID = owner.Name, owner.ID
	}
	pin, pinned, err := s.Pinned()
	if err != nil {
		return Preview{}, err
	}
	if pinned {
		p.PinnedFingerprint = pin.Fingerprint
		p.Pin = PinSame
		if pin.PublicKey != root {
			p.Pin = PinForeign
		}
	}
	stored, err := s.st.Events(Stream)
	if err != nil {
		return Preview{}, apperr.Wrap(err, CodeChainCorrupt)
	}
	have := map[string]bool{}
	for _, e := range stored {
		have[e.ID] = true
	}
	for _, v := range c.versions {
		if !have[v.Event] {
			p.New++
		}
	}
	return p, nil
}

// Accept adds a received roster file to the folder, all or nothing. A
// folder that pins no key yet pins the file's root key in the same write,
// and only when confirmed (the fingerprint the user compared with the
// PMO, grouped hex; spaces and case do not matter) is that key's; a folder
// that pins another key refuses the file. Codes: roster.not_pinned (key,
// fingerprint: nothing confirmed yet), roster.fingerprint_mismatch,
// roster.foreign_root, roster.file_roots, the codes of VerifyChain, store
// codes.
func (s *Service) Accept(f File, confirmed string) (ImportResult, error) {
	root, err := rootOf(f)
	if err != nil {
		return ImportResult{}, err
	}
	fp := keys.FingerprintHex(root)
	s.mu.Lock()
	defer s.mu.Unlock()
	pin, pinned, err := s.Pinned()
	if err != nil {
		return ImportResult{}, err
	}
	var puts []store.Put
	switch {
	case pinned && pin.PublicKey != root:
		return ImportResult{}, apperr.New(CodeForeignRoot, "fingerprint", fp, "pinned", pin.Fingerprint)
	case pinned && confirmed != "" && normalFingerprint(confirmed) != normalFingerprint(fp):
		return ImportResult{}, apperr.New(CodeFingerprintMismatch, "fingerprint", fp, "confirmed", confirmed)
	case !pinned && confirmed == "":
		return ImportResult{}, apperr.New(CodeNotPinned, "key", root, "fingerprint", fp)
	case !pinned && normalFingerprint(confirmed) != normalFingerprint(fp):
		return ImportResult{}, apperr.New(CodeFingerprintMismatch, "fingerprint", fp, "confirmed", confirmed)
	case !pinned:
		puts = append(puts, store.Put{Bucket: bucket, Key: keyPin, Value: Pin{PublicKey: root, Fingerprint: fp, PinnedAt: s.Now().In(s.Zone)}})
	}
	stored, err := s.st.Events(Stream)
	if err != nil {
		return ImportResult{}, apperr.Wrap(err, CodeChainCorrupt)
	}
	all := append(append([]ledger.Event(nil), stored...), f.Events...)
	c, err := VerifyChain(all, root)
	if err != nil {
		return ImportResult{}, err
	}
	added, err := s.st.Commit(f.Events, puts...)
	if err != nil {
		return ImportResult{}, err
	}
	s.chain = c
	res := ImportResult{Added: added, Versions: c.Len()}
	if tip, ok := c.Tip(); ok {
		res.Tip = tip.Event
	}
	return res, nil
}
