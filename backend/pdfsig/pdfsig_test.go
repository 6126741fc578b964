package pdfsig_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"

	"golive/backend/apperr"
	"golive/backend/internal/testenv"
	"golive/backend/pdfsig"
)

// plainPDF is a one-page PDF in a core font, so these tests need no font
// files.
func plainPDF(t testing.TB) []byte {
	t.Helper()
	doc := gofpdf.New("P", "mm", "A4", "")
	doc.AddPage()
	doc.SetFont("Helvetica", "", 12)
	doc.Cell(40, 10, "GoLive signature test")
	var b bytes.Buffer
	if err := doc.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSignAndVerify(t *testing.T) {
	env := testenv.Open(t, "", "张伟", "project_manager")
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, env.Zone)
	s, err := pdfsig.Open(env.Profiles, env.Profile.ID, "passphrase-123", "远东宏信有限公司", now)
	if err != nil {
		t.Fatal(err)
	}
	if s.Certificate.Subject.CommonName != "张伟" || s.Stored.Fingerprint == "" || s.Sample() {
		t.Fatalf("certificate = %+v", s.Stored)
	}
	signed, err := s.Sign(plainPDF(t), pdfsig.Info{Reason: "GoLive test 测试 (x)", Location: "Shanghai", At: now})
	if err != nil {
		t.Fatal(err)
	}
	res, err := pdfsig.Verify(signed)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := hex.DecodeString(env.Profile.PublicKey)
	if !res.Identity.Equal(ed25519.PublicKey(pub)) || res.Reason != "GoLive test  x" && res.Reason != "GoLive test x" {
		t.Fatalf("result = %+v", res)
	}
	t.Run("SameCertificateNextTime", func(t *testing.T) {
		again, err := pdfsig.Open(env.Profiles, env.Profile.ID, "passphrase-123", "", now.Add(time.Hour))
		if err != nil || !bytes.Equal(again.Certificate.Raw, s.Certificate.Raw) {
			t.Fatalf("reopened certificate differs (%v)", err)
		}
		stored, err := env.Profiles.Certificate(env.Profile.ID)
		if err != nil || stored.Fingerprint != s.Stored.Fingerprint || !strings.Contains(stored.Subject, "SERIALNUMBER="+env.Profile.ID) {
			t.Fatalf("stored = %+v, %v", stored, err)
		}
	})
	t.Run("WrongPassphrase", func(t *testing.T) {
		_, err := pdfsig.Open(env.Profiles, env.Profile.ID, "passphrase-999", "", now)
		if apperr.Code(err) != "keys.wrong_passphrase" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
		// Locked, the certificate key does not open at all.
		env.Profiles.Lock()
		if _, _, err := env.Profiles.OpenCertificate(env.Profile.ID); apperr.Code(err) != "profile.not_unlocked" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("NoCertificateYet", func(t *testing.T) {
		if _, err := env.Profiles.Certificate("0000000000000000"); apperr.Code(err) != "profile.no_certificate" {
			t.Fatalf("code = %q", apperr.Code(err))
		}
	})
	t.Run("FlippedByte", func(t *testing.T) {
		_, err := pdfsig.Verify(flip(t, signed))
		if apperr.Code(err) != "pdfsig.digest_mismatch" || !strings.Contains(err.Error(), "changed after it was signed") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("Appended", func(t *testing.T) {
		_, err := pdfsig.Verify(append(bytes.Clone(signed), []byte("\n% appended\n")...))
		if apperr.Code(err) != "pdfsig.trailing_data" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("Unsigned", func(t *testing.T) {
		if _, err := pdfsig.Verify(plainPDF(t)); apperr.Code(err) != "pdfsig.unsigned" {
			t.Fatalf("err = %v", err)
		}
		if _, err := pdfsig.Verify([]byte("not a pdf")); apperr.Code(err) != "pdfsig.unreadable" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("PopplerSaysValid", func(t *testing.T) {
		if _, err := exec.LookPath("pdfsig"); err != nil {
			t.Skip("poppler-utils not installed")
		}
		f := filepath.Join(t.TempDir(), "signed.pdf")
		if err := os.WriteFile(f, signed, 0o600); err != nil {
			t.Fatal(err)
		}
		out, _ := exec.Command("pdfsig", f).CombinedOutput()
		if !strings.Contains(string(out), "Signature is Valid") {
			t.Fatalf("pdfsig:\n%s", out)
		}
		if err := os.WriteFile(f, flip(t, signed), 0o600); err != nil {
			t.Fatal(err)
		}
		out, _ = exec.Command("pdfsig", f).CombinedOutput()
		if !strings.Contains(string(out), "Digest Mismatch") {
			t.Fatalf("pdfsig after a flipped byte:\n%s", out)
		}
	})
}

// flip changes one byte of the document's Producer string, inside the
// signed range and outside any structure a reader needs.
func flip(t *testing.T, doc []byte) []byte {
	t.Helper()
	i := bytes.Index(doc, []byte("/Producer ("))
	if i < 0 {
		t.Fatal("no /Producer in the document")
	}
	bad := bytes.Clone(doc)
	bad[i+len("/Producer (")] ^= 0x01
	return bad
}

// TestFolderClaimingHugeKeySettings edits the profile record of a real
// data folder as a damaged or hostile folder could hold it: opening the
// signer is refused before any key derivation runs.
func TestFolderClaimingHugeKeySettings(t *testing.T) {
	env := testenv.Open(t, "", "张伟", "project_manager")
	var rec map[string]any
	if err := env.Store.Get("prof", env.Profile.ID, &rec); err != nil {
		t.Fatalf("the profile record: %v", err)
	}
	rec["sealed"].(map[string]any)["kdf"].(map[string]any)["memory_kib"] = 8 << 20 // 8 GiB
	if err := env.Store.Put("prof", env.Profile.ID, rec); err != nil {
		t.Fatal(err)
	}
	_, err := pdfsig.Open(env.Profiles, env.Profile.ID, "passphrase-123", "", time.Now())
	if apperr.Code(err) != "keys.kdf_out_of_range" || !strings.Contains(err.Error(), "memory_kib = 8388608") {
		t.Fatalf("err = %v", err)
	}
}
