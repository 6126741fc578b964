package documents_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golive/backend/cli"
	"golive/backend/core"
	"golive/backend/documents"
	"golive/backend/pdfsig"
	"golive/backend/pdfsig/pdfobj"
	"golive/backend/pdfsig/pdftest"
	"golive/backend/printable"
	"golive/backend/profile"
	"golive/backend/verify"
	"golive/backend/workflow"
)

// exports are two confirmations of different dossiers, signed by the
// sample folder's default profile.
type exports struct {
	a, b documents.Output
}

func twoExports(t *testing.T) (*core.Core, *pdfsig.Signer, exports) {
	t.Helper()
	c := openSample(t)
	s := signer(t, c)
	va := find(t, c, "in approval", phase(workflow.PhaseApproval))
	vb := find(t, c, "archived new-system", archivedNewSystem)
	var e exports
	var err error
	if e.a, err = c.Documents().PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: va.State.ID}, s); err != nil {
		t.Fatal(err)
	}
	if e.b, err = c.Documents().PDF(documents.Request{Kind: printable.KindConfirmation, Dossier: vb.State.ID}, s); err != nil {
		t.Fatal(err)
	}
	return c, s, e
}

func codes(r verify.Report) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.Code)
	}
	return out
}

// refused checks that the report is not a match and that its first
// problem, the one the CLI names, is want.
func refused(t *testing.T, r verify.Report, want string) {
	t.Helper()
	if r.OK() || r.Status != verify.Invalid || len(r.Problems) == 0 || r.Problems[0].Code != want || r.Problems[0].Message == "" {
		t.Fatalf("status %s, problems %v, want %s first", r.Status, codes(r), want)
	}
}

// paintOver paints a new version and planned time over page 1 of doc as
// a later revision, with extra content (e.g. a fake /ByteRange) and
// annotations.
func paintOver(t *testing.T, doc []byte, extra string, annots ...[]byte) []byte {
	t.Helper()
	font, two, err := pdftest.FontOf(doc, 0, "GLVREG")
	if err != nil {
		t.Fatal(err)
	}
	// Where the sample's confirmation prints its version and planned time.
	content := append(pdftest.PaintOver(127, 631, 170, 11, font, two, 8.2, "9.9.9"), extra...)
	content = append(content, pdftest.PaintOver(374, 631, 170, 11, font, two, 8.2, "2027-01-05 19:00")...)
	out, err := pdftest.Overlay(doc, 0, content, annots...)
	if err != nil {
		t.Fatal(err)
	}
	return pdftest.SetLength(out)
}

// withFiles returns doc with its payload and content streams replaced by
// those of from, as a later revision.
func withFiles(t *testing.T, doc, from []byte) []byte {
	t.Helper()
	mine, err := pdftest.EmbeddedFiles(doc)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := pdftest.EmbeddedFiles(from)
	if err != nil {
		t.Fatal(err)
	}
	objects := map[int][]byte{}
	for _, name := range []string{printable.PayloadFile, printable.ContentFile} {
		raw, err := pdftest.RawObject(from, theirs[name])
		if err != nil {
			t.Fatal(err)
		}
		objects[mine[name].Num] = raw
	}
	out, err := pdftest.Update(doc, objects)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// unsigned cuts the signature off a signed export: the file as the
// renderer wrote it, up to its first %%EOF.
func unsigned(doc []byte) []byte {
	return bytes.Clone(doc[:bytes.Index(doc, []byte("%%EOF"))+len("%%EOF\n")])
}

func TestVerifyRefusesForgeries(t *testing.T) {
	c, s, e := twoExports(t)
	svc := c.Documents()
	a := e.a.PDF
	t.Run("UntouchedExportMatches", func(t *testing.T) {
		if r := verify.Check(a, svc); !r.OK() {
			t.Fatalf("untouched export: %s %v", r.Status, codes(r))
		}
		if out := tool(t, "pdfsig", writeTemp(t, "a.pdf", a)); !strings.Contains(out, "Signature is Valid.") || !strings.Contains(out, "Total document signed") {
			t.Fatalf("poppler:\n%s", out)
		}
	})
	t.Run("PaintedOver", func(t *testing.T) {
		annot := []byte("<< /Type /Annot /Subtype /FreeText /Rect [56 600 300 620] /DA (/Helv 10 Tf 0 g) " +
			"/Contents (" + pdftest.FakeByteRange + ") " + pdftest.FakeByteRange + " >>")
		for _, tc := range []struct {
			name string
			doc  []byte
		}{
			{"NoFakeByteRange", paintOver(t, a, "")},
			{"FakeByteRangeInTheContentStream", paintOver(t, a, "% "+pdftest.FakeByteRange+"\n")},
			{"FakeByteRangeAfterEOF", pdftest.SetLength(append(paintOver(t, a, ""), "% "+pdftest.FakeByteRange+"\n"...))},
			{"FakeByteRangeInAnAnnotation", paintOver(t, a, "", annot)},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if tc.name != "NoFakeByteRange" && !regexp.MustCompile(`/ByteRange \[0 0 0 0*`+strconv.Itoa(len(tc.doc))+`\]`).Match(tc.doc) {
					t.Fatal("the fake /ByteRange does not claim the whole file")
				}
				refused(t, verify.Check(tc.doc, svc), "pdfsig.incremental_update")
				if out := tool(t, "pdfsig", writeTemp(t, "painted.pdf", tc.doc)); !strings.Contains(out, "Not total document signed") {
					t.Fatalf("poppler:\n%s", out)
				}
			})
		}
	})
	t.Run("PayloadOfAnotherExportAppended", func(t *testing.T) {
		r := verify.Check(withFiles(t, a, e.b.PDF), svc)
		refused(t, r, "pdfsig.incremental_update")
		if !hasProblem(r, "verify.pages_differ") || r.Payload == nil || r.Payload.Dossier != e.b.Payload.Dossier {
			t.Fatalf("A's pages with B's data: %v, payload %+v", codes(r), r.Payload)
		}
	})
	t.Run("PayloadOfAnotherExportSignedAgain", func(t *testing.T) {
		// Nothing follows the signature: only the pages can tell.
		forged, err := s.Sign(withFiles(t, unsigned(a), e.b.PDF), pdfsig.Info{Reason: "GoLive confirmation", At: clock})
		if err != nil {
			t.Fatal(err)
		}
		if out := tool(t, "pdfsig", writeTemp(t, "forged.pdf", forged)); !strings.Contains(out, "Signature is Valid.") || !strings.Contains(out, "Total document signed") {
			t.Fatalf("poppler:\n%s", out)
		}
		r := verify.Check(forged, svc)
		refused(t, r, "verify.pages_differ")
		if !r.Signature.Valid || len(r.Differences) != 0 || len(r.Problems) != 1 {
			t.Fatalf("the signature and the data are fine, only the pages differ: %+v", r)
		}
		fields := r.Problems[0].Params["fields"]
		want := []string{"number", "digest", "dossier", "decisions"}
		if e.a.Content.Dossier.Version != e.b.Content.Dossier.Version {
			want = append(want, "version")
		}
		if e.a.Content.Dossier.PlannedAt != e.b.Content.Dossier.PlannedAt {
			want = append(want, "planned_at")
		}
		for _, w := range want {
			if !strings.Contains(fields, w) {
				t.Errorf("fields %q lack %s", fields, w)
			}
		}
	})
	t.Run("SignedAgainByAnotherKey", func(t *testing.T) {
		_, id, _ := ed25519.GenerateKey(rand.Reader)
		other, err := pdfsig.NewSigner(profile.Summary{ID: "0123456789abcdef", Identity: profile.Identity{Name: "Mallory"}}, id, "", clock)
		if err != nil {
			t.Fatal(err)
		}
		resigned, err := other.Sign(unsigned(a), pdfsig.Info{Reason: "GoLive confirmation", At: clock})
		if err != nil {
			t.Fatal(err)
		}
		r := verify.Check(resigned, svc)
		if r.OK() || !hasProblem(r, "verify.pages_differ") || !strings.Contains(problem(r, "verify.pages_differ").Params["fields"], "certificate") {
			t.Fatalf("another key's signature on pages that name the exporter's certificate: %v", codes(r))
		}
	})
	t.Run("PaddingByteFlipped", func(t *testing.T) {
		bad := bytes.Clone(a)
		end := bytes.LastIndex(bad, []byte("/Contents<"))
		end += bytes.IndexByte(bad[end:], '>')
		if bad[end-1] != '0' {
			t.Fatalf("/Contents ends in %q, not zero padding", bad[end-1])
		}
		bad[end-1] = '8'
		refused(t, verify.Check(bad, svc), "pdfsig.bad_padding")
	})
	t.Run("TrailingData", func(t *testing.T) {
		refused(t, verify.Check(append(bytes.Clone(a), "\n\n"...), svc), "pdfsig.trailing_data")
	})
	t.Run("InflatingAttachment", func(t *testing.T) {
		files, err := pdftest.EmbeddedFiles(a)
		if err != nil {
			t.Fatal(err)
		}
		// 4 GiB of zeros, deflated twice: a few kilobytes.
		bomb := pdftest.Stream(pdfobj.Dict{"Type": pdfobj.Name("EmbeddedFile"),
			"Filter": pdfobj.Array{pdfobj.Name("FlateDecode"), pdfobj.Name("FlateDecode")}}, pdftest.Deflate(pdftest.ZeroBomb(4<<30)))
		bad, err := pdftest.Update(a, map[int][]byte{files[printable.PayloadFile].Num: bomb})
		if err != nil {
			t.Fatal(err)
		}
		if len(bad) > len(a)+64<<10 {
			t.Fatalf("the bomb adds %d bytes", len(bad)-len(a))
		}
		r := verify.Check(bad, svc)
		refused(t, r, "pdfsig.incremental_update")
		if !hasProblem(r, "verify.payload_too_large") {
			t.Fatalf("problems %v", codes(r))
		}
	})
	t.Run("CLIPrintsTheEnglishReason", func(t *testing.T) {
		dir := t.TempDir()
		other, err := core.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Store.CopyTo(other.Store); err != nil {
			t.Fatal(err)
		}
		_ = other.Close()
		f := writeTemp(t, "painted.pdf", paintOver(t, a, ""))
		var out bytes.Buffer
		err = cli.Run([]string{"verify", f, "--data", dir}, &out)
		if err == nil || !strings.Contains(err.Error(), "bytes were added after the signed part of the file") ||
			!strings.Contains(out.String(), "INVALID") || !strings.Contains(out.String(), "problem:   pdfsig.incremental_update: ") {
			t.Fatalf("golive verify: %v\n%s", err, out.String())
		}
		good := filepath.Join(t.TempDir(), "a.pdf")
		if err := os.WriteFile(good, a, 0o600); err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if err := cli.Run([]string{"verify", good, "--data", dir}, &out); err != nil || !strings.Contains(out.String(), "MATCH") {
			t.Fatalf("golive verify of the untouched export: %v\n%s", err, out.String())
		}
	})
}

func problem(r verify.Report, code string) verify.Problem {
	for _, p := range r.Problems {
		if p.Code == code {
			return p
		}
	}
	return verify.Problem{}
}
