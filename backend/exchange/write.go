package exchange

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"sort"

	"golive/backend/apperr"
	"golive/backend/ledger"
	"golive/backend/system"
	"golive/backend/zipfile"
)

// Contents is what a file carries.
type Contents struct {
	// Events are the signed events (any streams).
	Events []ledger.Event
	// Blobs are the attachments to include.
	Blobs []Blob
	// Templates are process templates as stored (JSON).
	Templates [][]byte
	// Systems are register entries.
	Systems []system.System
}

// Blob is an attachment to write: its digest, size and file.
type Blob struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	// Path is the stored file (blob.Store's).
	Path string `json:"-"`
}

// Write writes an exchange file to out (through a temporary file renamed
// at the end) holding c, described by body (its Counts and Entries are
// filled in) and signed by key, which must be body.Exporter's. It returns
// the file's size. Codes: exchange.write_failed (path),
// exchange.cancelled, exchange.blob_unreadable (sha256),
// exchange.blob_corrupt (sha256), exchange.bad_key.
func Write(ctx context.Context, out string, body Body, c Contents, key ed25519.PrivateKey, progress func(done int64)) (int64, error) {
	if len(key) != ed25519.PrivateKeySize || hex.EncodeToString(key.Public().(ed25519.PublicKey)) != body.Exporter {
		return 0, apperr.New("exchange.bad_key")
	}
	events, err := orderEvents(c.Events)
	if err != nil {
		return 0, err
	}
	parts := []zipfile.Part{}
	ev, err := zipfile.Measure(EventsName, Limits.MaxRatio, func(w io.Writer) error {
		for _, e := range events {
			b, err := ledger.Marshal(e)
			if err != nil {
				return err
			}
			if _, err := w.Write(append(b, '\n')); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	parts = append(parts, ev)
	body.Counts = Counts{Events: len(events)}
	if len(c.Systems) > 0 {
		raw, err := json.Marshal(c.Systems)
		if err != nil {
			return 0, apperr.Wrap(err, apperr.Internal)
		}
		parts = append(parts, zipfile.InMemory(SystemsName, Limits.MaxRatio, raw))
		body.Counts.Systems = len(c.Systems)
	}
	seen := map[string]bool{}
	for _, t := range c.Templates {
		sum := sha256.Sum256(t)
		name := TemplatePrefix + hex.EncodeToString(sum[:]) + ".json"
		if seen[name] {
			continue
		}
		seen[name] = true
		parts = append(parts, zipfile.InMemory(name, Limits.MaxRatio, t))
		body.Counts.Templates++
	}
	blobs := append([]Blob(nil), c.Blobs...)
	sort.Slice(blobs, func(i, j int) bool { return blobs[i].SHA256 < blobs[j].SHA256 })
	for _, b := range blobs {
		if seen[b.SHA256] {
			continue
		}
		seen[b.SHA256] = true
		parts = append(parts, blobPart(b))
		body.Counts.Blobs++
	}
	return zipfile.Write(ctx, out, format, body.Created, func(entries []zipfile.Entry) ([]byte, error) {
		body.Entries = entries
		return Sign(body, key)
	}, parts, progress)
}

// Sign returns manifest.json for body signed by key.
func Sign(body Body, key ed25519.PrivateKey) ([]byte, error) {
	canon, err := canonicalBody(body)
	if err != nil {
		return nil, err
	}
	m := Manifest{Format: FormatName, Version: FormatVersion, Body: body, Sig: hex.EncodeToString(ed25519.Sign(key, canon))}
	raw, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal)
	}
	return raw, nil
}

// canonicalBody is the canonical JSON of body, what the signature covers.
func canonicalBody(body Body) ([]byte, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Internal)
	}
	return ledger.CanonicalJSON(json.RawMessage(raw))
}

// orderEvents returns events without duplicates, stream by stream in
// stream order, each stream in ledger order where its parents are all
// present (else by id): a stable layout for equal contents.
func orderEvents(events []ledger.Event) ([]ledger.Event, error) {
	by := map[string][]ledger.Event{}
	for _, e := range events {
		by[e.Dossier] = append(by[e.Dossier], e)
	}
	streams := make([]string, 0, len(by))
	for s := range by {
		streams = append(streams, s)
	}
	sort.Strings(streams)
	out := make([]ledger.Event, 0, len(events))
	for _, s := range streams {
		evs := by[s]
		if ordered, err := ledger.Order(evs); err == nil {
			evs = ordered
		} else {
			sort.Slice(evs, func(i, j int) bool { return evs[i].ID < evs[j].ID })
			evs = dedupe(evs)
		}
		out = append(out, evs...)
	}
	return out, nil
}

func dedupe(sorted []ledger.Event) []ledger.Event {
	out := sorted[:0]
	for i, e := range sorted {
		if i > 0 && e.ID == sorted[i-1].ID {
			continue
		}
		out = append(out, e)
	}
	return out
}

// blobPart is the part of attachment b; writing it fails with
// exchange.blob_corrupt when the file does not hash to its name.
func blobPart(b Blob) zipfile.Part {
	return zipfile.Part{Entry: zipfile.Entry{Name: BlobEntry(b.SHA256), SHA256: b.SHA256, Size: b.Size}, Write: func(w io.Writer) error {
		f, err := os.Open(b.Path)
		if err != nil {
			return apperr.Wrap(err, "exchange.blob_unreadable", "sha256", b.SHA256)
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(w, h), f)
		if err != nil {
			var ae *apperr.Error
			if errors.As(err, &ae) {
				return err
			}
			return apperr.Wrap(err, "exchange.write_failed", "path", b.Path)
		}
		if n != b.Size || hex.EncodeToString(h.Sum(nil)) != b.SHA256 {
			return apperr.New("exchange.blob_corrupt", "sha256", b.SHA256)
		}
		return nil
	}}
}
