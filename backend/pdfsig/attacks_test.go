package pdfsig_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golive/backend/apperr"
	"golive/backend/pdfsig"
	"golive/backend/pdfsig/pdfobj"
	"golive/backend/pdfsig/pdftest"
	"golive/backend/profile"
)

// signedPlain is plainPDF signed by a fresh profile.
func signedPlain(t testing.TB) []byte {
	t.Helper()
	_, identity, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	s, err := pdfsig.NewSigner(profile.Summary{ID: "a1b2c3d4e5f60718", Identity: profile.Identity{Name: "Test"}}, identity, "GoLive tests", now)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := s.Sign(plainPDF(t), pdfsig.Info{Reason: "attack tests", Location: "Shanghai", At: now})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// poppler runs poppler's pdfsig on doc.
func poppler(t *testing.T, doc []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdfsig"); err != nil {
		t.Fatal("pdfsig is not installed: apt-get install -y poppler-utils (make test installs it)")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command("pdfsig", f).CombinedOutput() // non-zero for a bad signature
	return string(out)
}

func wantCode(t *testing.T, doc []byte, code string) {
	t.Helper()
	_, err := pdfsig.Verify(doc)
	if apperr.Code(err) != code {
		t.Fatalf("Verify: %v, want %s", err, code)
	}
	var e *apperr.Error
	if !errors.As(err, &e) || e.Detail == "" {
		t.Fatalf("%s carries no English explanation: %v", code, err)
	}
}

// contents returns where the signature's /Contents hex string lies.
func contents(t *testing.T, doc []byte) (start, end int) {
	t.Helper()
	start = bytes.LastIndex(doc, []byte("/Contents<")) + len("/Contents")
	end = start + bytes.IndexByte(doc[start:], '>') + 1
	if start < len("/Contents") || end <= start {
		t.Fatal("no /Contents in the signed document")
	}
	return start, end
}

func TestVerifyRefusesTampering(t *testing.T) {
	doc := signedPlain(t)
	t.Run("UntouchedIsValid", func(t *testing.T) {
		if _, err := pdfsig.Verify(doc); err != nil {
			t.Fatal(err)
		}
		if out := poppler(t, doc); !strings.Contains(out, "Signature is Valid.") || !strings.Contains(out, "Total document signed") {
			t.Fatalf("poppler:\n%s", out)
		}
	})
	paint := func(t *testing.T, extra string, annots ...[]byte) []byte {
		t.Helper()
		font, two, err := pdftest.FontOf(doc, 0, "Helvetica")
		if err != nil {
			t.Fatal(err)
		}
		content := append(pdftest.PaintOver(50, 790, 200, 20, font, two, 12, "Version 9.9.9"), extra...)
		out, err := pdftest.Overlay(doc, 0, content, annots...)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	t.Run("IncrementalUpdate", func(t *testing.T) {
		bad := paint(t, "")
		wantCode(t, bad, "pdfsig.incremental_update")
		if out := poppler(t, bad); !strings.Contains(out, "Not total document signed") {
			t.Fatalf("poppler does not see the update either:\n%s", out)
		}
	})
	t.Run("FakeByteRangeInTheNewContentStream", func(t *testing.T) {
		bad := pdftest.SetLength(paint(t, "% "+pdftest.FakeByteRange+"\n"))
		wantCode(t, bad, "pdfsig.incremental_update")
	})
	t.Run("FakeByteRangeAfterEOF", func(t *testing.T) {
		bad := pdftest.SetLength(append(paint(t, ""), "% "+pdftest.FakeByteRange+"\n"...))
		wantCode(t, bad, "pdfsig.incremental_update")
	})
	t.Run("FakeByteRangeInAnAnnotation", func(t *testing.T) {
		annot := []byte("<< /Type /Annot /Subtype /FreeText /Rect [50 700 300 720] /DA (/Helv 12 Tf 0 g) " +
			"/Contents (approved " + pdftest.FakeByteRange + ") " + pdftest.FakeByteRange + " >>")
		bad := pdftest.SetLength(paint(t, "", annot))
		if !regexp.MustCompile(`/ByteRange \[0 0 0 0*` + strconv.Itoa(len(bad)) + `\]`).Match(bad[len(bad)-400:]) {
			t.Fatal("the fake /ByteRange does not claim the whole file")
		}
		wantCode(t, bad, "pdfsig.incremental_update")
	})
	t.Run("LaterRevisionDropsTheSignatureField", func(t *testing.T) {
		rev, err := pdftest.Revision(doc)
		if err != nil {
			t.Fatal(err)
		}
		root := rev.Trailer["Root"].(pdfobj.Ref)
		cat, err := rev.GetDict(rev.Trailer, "Root")
		if err != nil {
			t.Fatal(err)
		}
		plain := pdfobj.Dict{}
		for k, v := range cat {
			if k != "AcroForm" {
				plain[k] = v
			}
		}
		bad, err := pdftest.Update(doc, map[int][]byte{root.Num: pdftest.Write(plain)})
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, bad, "pdfsig.incremental_update")
	})
	t.Run("UpdateWithACrossReferenceStream", func(t *testing.T) {
		// What a PDF 1.5 editor appends: objects and a cross-reference
		// stream, which GoLive's reader does not read.
		at := len(doc)
		up := fmt.Appendf(bytes.Clone(doc), "99 0 obj\n<< /Type /XRef /Size 100 /W [1 4 2] /Index [99 1] /Length 7 >>\nstream\n"+
			"\x01\x00\x00\x00\x00\x00\x00\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", at)
		wantCode(t, up, "pdfsig.incremental_update")
	})
	t.Run("TrailingData", func(t *testing.T) {
		wantCode(t, append(bytes.Clone(doc), "\n% appended\n"...), "pdfsig.trailing_data")
		wantCode(t, append(bytes.Clone(doc), 0, 0, 0, 0), "pdfsig.trailing_data")
	})
	t.Run("PaddingByteFlipped", func(t *testing.T) {
		_, end := contents(t, doc)
		bad := bytes.Clone(doc)
		if bad[end-2] != '0' {
			t.Fatalf("the last hex digit of /Contents is %q, not padding", bad[end-2])
		}
		bad[end-2] = '1'
		wantCode(t, bad, "pdfsig.bad_padding")
	})
	t.Run("ContentsInAnotherCase", func(t *testing.T) {
		start, end := contents(t, doc)
		bad := bytes.Clone(doc)
		i := bytes.IndexAny(bad[start:end], "abcdef") + start
		bad[i] -= 'a' - 'A' // the same byte value, written differently
		wantCode(t, bad, "pdfsig.bad_padding")
	})
	t.Run("ByteRangeShifted", func(t *testing.T) {
		m := regexp.MustCompile(`/ByteRange \[0 (\d+) (\d+) (\d+)\]`).FindSubmatchIndex(doc)
		if m == nil {
			t.Fatal("no /ByteRange")
		}
		n := func(i int) int { v, _ := strconv.Atoi(string(doc[m[2*i]:m[2*i+1]])); return v }
		a, b, c := n(1), n(2), n(3)
		// Leave out one byte before /Contents and sign one more at the end:
		// the same length of digits, the same coverage of the file.
		shifted := fmt.Sprintf("/ByteRange [0 %d %d %d]", a-1, b-1, c+1)
		if len(shifted) != m[1]-m[0] {
			t.Skipf("the shifted range %q changes the length", shifted)
		}
		bad := bytes.Clone(doc)
		copy(bad[m[0]:], shifted)
		wantCode(t, bad, "pdfsig.range_mismatch")
	})
	t.Run("FlippedSignedByte", func(t *testing.T) {
		wantCode(t, flip(t, doc), "pdfsig.digest_mismatch")
	})
}

// FuzzVerify checks altered signed files: Verify answers with a code,
// never a crash, and accepts no file but the one that was signed.
func FuzzVerify(f *testing.F) {
	doc := signedPlain(f)
	f.Add(0, byte(0))
	f.Add(bytes.LastIndex(doc, []byte("/ByteRange"))+14, byte('1'))
	f.Add(bytes.LastIndex(doc, []byte("/Contents<"))+12, byte('f'))
	f.Add(bytes.LastIndex(doc, []byte("startxref"))+11, byte('9'))
	// The detached content's type (id-data), which the signature does not
	// cover: found by fuzzing when the CMS was read with a library.
	f.Add(bytes.Index(doc, []byte("06092a864886f70d010701"))+20, byte('f'))
	// The tag of the certificates field, [0] constructed, made primitive.
	f.Add(bytes.Index(doc, []byte("06092a864886f70d010701"))+22, byte('8'))
	f.Fuzz(func(t *testing.T, at int, b byte) {
		if at < 0 || at >= len(doc) || doc[at] == b {
			return
		}
		bad := bytes.Clone(doc)
		bad[at] = b
		_, err := pdfsig.Verify(bad)
		if err == nil {
			t.Fatalf("byte %d changed from %q to %q and the signature still verifies", at, doc[at], b)
		}
		if apperr.Code(err) == "" || strings.Contains(err.Error(), "internal error") {
			t.Fatalf("byte %d: %v", at, err)
		}
	})
}
