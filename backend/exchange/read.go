package exchange

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"strconv"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/system"
	"golive/backend/zipfile"
)

// File is an exchange file whose structure, signature and events were
// checked (see Open).
type File struct {
	// Path is the file's path.
	Path string
	// SHA256 is the digest of the whole file (what a reply's Since names).
	SHA256 string
	// Size is the file's size in bytes.
	Size int64
	// Body is the signed manifest body.
	Body Body
	// Events are the file's events, verified.
	Events []ledger.Event
	// Templates are the templates it carries, as stored.
	Templates [][]byte
	// Systems are the register entries it carries.
	Systems []system.System

	z     *zipfile.File
	blobs map[string]zipfile.Entry
}

// Open opens and checks path. Codes: those of zipfile.Open under the
// "exchange" prefix (exchange.not_exchange, exchange.truncated,
// exchange.unknown_version, exchange.bad_name, exchange.ratio, …);
// exchange.bad_signature when the signature does not verify under the
// exporter's key; exchange.count_mismatch (what); exchange.hash_mismatch
// (name) for an entry whose name states another digest; the event codes
// of zipfile.File.EachEvent (exchange.bad_event, exchange.duplicate_event)
// and exchange.too_many_events.
func Open(path string) (*File, error) {
	var m Manifest
	z, err := zipfile.Open(path, format, func(raw []byte) ([]zipfile.Entry, error) {
		if err := zipfile.DecodeStrict(raw, &m, "exchange.bad_manifest"); err != nil {
			return nil, err
		}
		return m.Body.Entries, nil
	})
	if err != nil {
		return nil, err
	}
	f := &File{Path: path, Body: m.Body, z: z, blobs: map[string]zipfile.Entry{}}
	if err := f.check(m); err != nil {
		_ = z.Close()
		return nil, err
	}
	return f, nil
}

func (f *File) check(m Manifest) error {
	if err := verifySignature(m); err != nil {
		return err
	}
	if fi, err := os.Stat(f.Path); err == nil {
		f.Size = fi.Size()
	}
	sum, err := fileDigest(f.Path)
	if err != nil {
		return err
	}
	f.SHA256 = sum
	var templates int
	hasEvents := false
	for _, e := range f.Body.Entries {
		switch {
		case e.Name == EventsName:
			hasEvents = true
		case blobName.MatchString(e.Name):
			if blobName.FindStringSubmatch(e.Name)[1] != e.SHA256 {
				return apperr.New("exchange.hash_mismatch", "name", e.Name)
			}
			f.blobs[e.SHA256] = e
		case templateName.MatchString(e.Name):
			if templateName.FindStringSubmatch(e.Name)[1] != e.SHA256 {
				return apperr.New("exchange.hash_mismatch", "name", e.Name)
			}
			templates++
		}
	}
	c := f.Body.Counts
	switch {
	case !hasEvents:
		return apperr.New("exchange.missing_entry", "name", EventsName)
	case len(f.blobs) != c.Blobs:
		return apperr.New("exchange.count_mismatch", "what", "blobs")
	case templates != c.Templates:
		return apperr.New("exchange.count_mismatch", "what", "templates")
	case c.Events > MaxEvents:
		return apperr.New("exchange.too_many_events", "max", strconv.Itoa(MaxEvents))
	}
	_, err = f.z.EachEvent(EventsName, "", func(_ []byte, e ledger.Event) error {
		if len(f.Events) >= c.Events {
			return apperr.New("exchange.count_mismatch", "what", "events")
		}
		f.Events = append(f.Events, e)
		return nil
	})
	if err != nil {
		return err
	}
	if len(f.Events) != c.Events {
		return apperr.New("exchange.count_mismatch", "what", "events")
	}
	for _, e := range f.Body.Entries {
		if !templateName.MatchString(e.Name) {
			continue
		}
		raw, err := f.readSmall(e.Name)
		if err != nil {
			return err
		}
		f.Templates = append(f.Templates, raw)
	}
	if _, ok := f.z.Entry(SystemsName); ok {
		raw, err := f.readSmall(SystemsName)
		if err != nil {
			return err
		}
		if err := zipfile.DecodeStrict(raw, &f.Systems, "exchange.bad_entry"); err != nil {
			return apperr.Wrap(err, "exchange.bad_entry", "name", SystemsName, "problem", "json")
		}
	}
	if len(f.Systems) != c.Systems {
		return apperr.New("exchange.count_mismatch", "what", "systems")
	}
	return nil
}

// verifySignature checks m's signature under its exporter's key.
func verifySignature(m Manifest) error {
	pub, err := hex.DecodeString(m.Body.Exporter)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return apperr.New("exchange.bad_manifest", "problem", "exporter")
	}
	sig, err := hex.DecodeString(m.Sig)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return apperr.New("exchange.bad_signature")
	}
	canon, err := canonicalBody(m.Body)
	if err != nil {
		return apperr.Wrap(err, "exchange.bad_manifest", "problem", "json")
	}
	if !ed25519.Verify(pub, canon, sig) {
		return apperr.New("exchange.bad_signature")
	}
	return nil
}

// readSmall reads a small entry whole, checked.
func (f *File) readSmall(name string) ([]byte, error) {
	e, _ := f.z.Entry(name)
	if e.Size > maxSmallEntry {
		return nil, apperr.New("exchange.entry_too_large", "name", name)
	}
	rc, err := f.z.Open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// fileDigest is the lowercase hex SHA-256 of the file at path.
func fileDigest(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", apperr.Wrap(err, "exchange.unreadable", "path", path)
	}
	defer fh.Close()
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return "", apperr.Wrap(err, "exchange.unreadable", "path", path)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Blobs lists the attachments the file carries: digest and size.
func (f *File) Blobs() []Blob {
	out := make([]Blob, 0, len(f.blobs))
	for sum, e := range f.blobs {
		out = append(out, Blob{SHA256: sum, Size: e.Size})
	}
	return out
}

// HasBlob reports whether the file carries attachment sum.
func (f *File) HasBlob(sum string) bool { _, ok := f.blobs[sum]; return ok }

// OpenBlob returns attachment sum's contents, checked as it is read (its
// size and digest; exchange.hash_mismatch, exchange.size_mismatch, …).
func (f *File) OpenBlob(sum string) (io.ReadCloser, error) {
	if !f.HasBlob(sum) {
		return nil, apperr.New("exchange.missing_entry", "name", BlobEntry(sum))
	}
	return f.z.Open(BlobEntry(sum))
}

// CheckBlobs reads every attachment the file carries except those skip
// names (they are read by other means) and checks its size and digest, so
// a file with one damaged byte is refused whole even where the receiver
// holds the attachment already. Codes: those of OpenBlob's reader.
func (f *File) CheckBlobs(skip func(sum string) bool) error {
	buf := make([]byte, 256<<10)
	for sum := range f.blobs {
		if skip != nil && skip(sum) {
			continue
		}
		rc, err := f.OpenBlob(sum)
		if err != nil {
			return err
		}
		_, err = io.CopyBuffer(io.Discard, struct{ io.Reader }{rc}, buf)
		_ = rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Close closes the file.
func (f *File) Close() error { return f.z.Close() }

// Peek reads only the signed manifest of path (checked as Open checks the
// structure and signature), for a quick look before importing.
func Peek(path string) (Body, error) {
	f, err := Open(path)
	if err != nil {
		return Body{}, err
	}
	defer f.Close()
	return f.Body, nil
}
