package verify_test

import (
	"bytes"
	"crypto/ed25519"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/pdfsig"
	"golive/backend/profile"
	"golive/backend/verify"
)

// signedSmallPDF is smallPDF signed by a fresh key.
func signedSmallPDF(tb testing.TB) []byte {
	tb.Helper()
	identity := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	s, err := pdfsig.NewSigner(profile.Summary{ID: "a1b2c3d4e5f60718", Identity: profile.Identity{Name: "Test"}}, identity, "GoLive tests", now)
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := s.Sign(smallPDF(tb), pdfsig.Info{Reason: "fuzz seed", Location: "Shanghai", At: now})
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// FuzzCheck checks `golive verify` on any bytes, as it runs without a data
// folder (core.OpenNothing): a report whose status is one of the four,
// every problem coded, at most MaxDifferences differences, and never Match
// (nothing to match against).
func FuzzCheck(f *testing.F) {
	c, err := core.OpenNothing()
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = c.Close() })
	svc := c.Documents()
	signed := signedSmallPDF(f)
	f.Add(signed)
	f.Add(smallPDF(f))
	f.Add(bombPDF(f, 64<<10, true))
	f.Add(append(bytes.Clone(signed), "%%EOF\n"...))
	f.Add([]byte("%PDF-1.4\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		r := verify.Check(doc, svc)
		switch r.Status {
		case verify.Differs, verify.Unknown, verify.Invalid:
		default:
			t.Fatalf("status %q without a data folder", r.Status)
		}
		if len(r.Problems) == 0 || len(r.Differences) > verify.MaxDifferences {
			t.Fatalf("%d problems, %d differences", len(r.Problems), len(r.Differences))
		}
		for _, p := range r.Problems {
			if p.Code == "" || !strings.Contains(p.Code, ".") || p.Code == apperr.Internal {
				t.Fatalf("problem %+v", p)
			}
		}
	})
}

// CheckFile reads at most MaxFileSize and one byte of any file, a device
// that never ends included, and reports a larger one as
// verify.file_too_large naming the limit.
func TestCheckFileRefusesAFileOverMaxFileSize(t *testing.T) {
	for _, path := range []string{"/dev/zero", filepath.Join(t.TempDir(), "big.pdf")} {
		if strings.HasSuffix(path, ".pdf") {
			big := append(signedSmallPDF(t), bytes.Repeat([]byte{'\n'}, verify.MaxFileSize)...)
			if err := os.WriteFile(path, big, 0o600); err != nil {
				t.Fatal(err)
			}
		} else if _, err := os.Stat(path); err != nil {
			continue
		}
		rep, err := verify.CheckFile(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Status != verify.Invalid || len(rep.Problems) != 1 || rep.Problems[0].Code != "verify.file_too_large" || rep.Problems[0].Params["max"] != "32 MiB" {
			t.Fatalf("%s: %+v", path, rep)
		}
	}
}
