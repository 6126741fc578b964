package pdfsig

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golive/backend/apperr"
	"golive/backend/pdfsig/pdfobj"
)

// Result is what Verify found out about a PDF's digital signature.
type Result struct {
	// Certificate is the signing certificate.
	Certificate *x509.Certificate
	// Identity is the Ed25519 identity the certificate is bound to.
	Identity ed25519.PublicKey
	// Name, Reason and Location are the signature dictionary's fields.
	Name, Reason, Location string
	// SignedAt is the signing time the signature states (not a trusted
	// timestamp).
	SignedAt time.Time
}

// Verify checks the one digital signature of doc, in this order:
//
//   - the file's structure is read (pdfobj) and the signature is the /V of
//     the AcroForm's signature field, in the newest revision that has one
//     (pdfsig.unreadable: not a PDF GoLive can read; pdfsig.unsigned: no
//     signature field; pdfsig.invalid: more than one, or not a detached
//     CMS signature);
//   - the signature dictionary's own /ByteRange leaves out exactly its
//     /Contents hex string, delimiters included (pdfsig.range_mismatch);
//   - the signed range reaches the last byte of the file: nothing was
//     appended, neither a later revision that could paint over the pages
//     or replace the embedded data (pdfsig.incremental_update) nor any
//     other byte (pdfsig.trailing_data);
//   - /Contents holds the CMS signature in lowercase (or uppercase) hex
//     and nothing but zero bytes after it (pdfsig.bad_padding), since the
//     bytes of /Contents are the only ones the signature does not cover;
//   - the CMS signature is valid over the signed range
//     (pdfsig.digest_mismatch when the bytes changed, pdfsig.invalid
//     otherwise);
//   - the signing certificate is bound to a GoLive identity
//     (pdfsig.unbound).
func Verify(doc []byte) (Result, error) {
	f, err := pdfobj.Parse(doc)
	if err != nil {
		if sig, ok := signedPrefix(doc); ok {
			// A signed file GoLive can read, followed by a revision it
			// cannot (a cross-reference stream, say): what follows the
			// signed range is the failure to report.
			return Result{}, sig.covers(doc)
		}
		return Result{}, apperr.Wrap(err, "pdfsig.unreadable").WithDetail("the file is not a PDF GoLive can read: %v", err)
	}
	sig, err := locate(f)
	if err != nil {
		return Result{}, err
	}
	if err := sig.covers(doc); err != nil {
		return Result{}, err
	}
	der, err := sig.der(doc)
	if err != nil {
		return Result{}, err
	}
	cert, err := sig.verify(doc, der)
	if err != nil {
		return Result{}, err
	}
	id, err := Binding(cert)
	if err != nil {
		return Result{}, err
	}
	return Result{Certificate: cert, Identity: id, Name: sig.text("Name"), Reason: sig.text("Reason"),
		Location: sig.text("Location"), SignedAt: pdfDate(sig.text("M"))}, nil
}

// signedPrefix looks for a signed file that doc starts with, ending at
// one of its last few %%EOF markers, whose signature covers exactly it.
func signedPrefix(doc []byte) (signature, bool) {
	end := len(doc)
	for range 8 {
		i := bytes.LastIndex(doc[:end], []byte("%%EOF"))
		if i < 0 {
			break
		}
		end = i
		cut := i + len("%%EOF")
		if bytes.HasPrefix(doc[cut:], []byte("\r\n")) {
			cut += 2
		} else if cut < len(doc) && (doc[cut] == '\n' || doc[cut] == '\r') {
			cut++
		}
		if cut == len(doc) {
			continue
		}
		f, err := pdfobj.Parse(doc[:cut])
		if err != nil {
			continue
		}
		if sig, err := locate(f); err == nil && sig.covers(doc[:cut]) == nil {
			return sig, true
		}
	}
	return signature{}, false
}

// signature is a signature dictionary and its byte range.
type signature struct {
	dict      pdfobj.Dict
	contents  pdfobj.String
	byteRange [4]int
}

func (s signature) text(key pdfobj.Name) string {
	if v, ok := s.dict[key].(pdfobj.String); ok {
		return v.Text()
	}
	return ""
}

// locate finds the signature dictionary: the /V of the AcroForm's
// signature field in the newest revision that has one.
func locate(f *pdfobj.File) (signature, error) {
	for _, rev := range f.Revisions() {
		sigs, err := signatures(rev)
		if err != nil {
			return signature{}, apperr.Wrap(err, "pdfsig.unreadable").WithDetail("the PDF's form cannot be read: %v", err)
		}
		switch {
		case len(sigs) == 0:
			continue
		case len(sigs) > 1:
			return signature{}, apperr.New("pdfsig.invalid").WithDetail("the PDF carries %d signatures, GoLive makes one", len(sigs))
		}
		return parseSignature(sigs[0])
	}
	return signature{}, apperr.New("pdfsig.unsigned").WithDetail("the PDF carries no digital signature")
}

// signatures returns the values of the signature fields of rev's
// AcroForm, walking field hierarchies.
func signatures(rev *pdfobj.Revision) ([]pdfobj.Dict, error) {
	root, err := rev.GetDict(rev.Trailer, "Root")
	if err != nil {
		return nil, err
	}
	form, err := rev.GetDict(root, "AcroForm")
	if err != nil || form == nil {
		return nil, err
	}
	var out []pdfobj.Dict
	seen := map[pdfobj.Ref]bool{}
	var walk func(o pdfobj.Object, depth int) error
	walk = func(o pdfobj.Object, depth int) error {
		if depth > pdfobj.MaxDepth {
			return fmt.Errorf("%w: form fields nested too deep", pdfobj.ErrMalformed)
		}
		if ref, ok := o.(pdfobj.Ref); ok {
			if seen[ref] {
				return fmt.Errorf("%w: form field %d appears twice", pdfobj.ErrMalformed, ref.Num)
			}
			seen[ref] = true
		}
		o, err := rev.Resolve(o)
		if err != nil {
			return err
		}
		var list pdfobj.Array
		switch x := o.(type) {
		case pdfobj.Array:
			list = x
		case pdfobj.Dict:
			if x["FT"] == pdfobj.Name("Sig") {
				v, err := rev.GetDict(x, "V")
				if err != nil {
					return err
				}
				if v != nil {
					out = append(out, v)
				}
			}
			kids, _ := x["Kids"].(pdfobj.Array)
			list = kids
		}
		for _, k := range list {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	err = walk(form["Fields"], 0)
	return out, err
}

// parseSignature reads the fields Verify checks from a signature
// dictionary.
func parseSignature(d pdfobj.Dict) (signature, error) {
	if d["Filter"] != pdfobj.Name("Adobe.PPKLite") || d["SubFilter"] != pdfobj.Name("adbe.pkcs7.detached") {
		return signature{}, apperr.New("pdfsig.invalid").WithDetail("the signature is not a detached CMS signature (%v, %v)", d["Filter"], d["SubFilter"])
	}
	s := signature{dict: d}
	br, _ := d["ByteRange"].(pdfobj.Array)
	if len(br) != 4 {
		return signature{}, apperr.New("pdfsig.range_mismatch").WithDetail("the signature's /ByteRange is not four numbers")
	}
	for i, o := range br {
		n, ok := pdfobj.Int(o)
		if !ok || n < 0 || n > 1<<40 {
			return signature{}, apperr.New("pdfsig.range_mismatch").WithDetail("the signature's /ByteRange is not four numbers")
		}
		s.byteRange[i] = int(n)
	}
	c, ok := d["Contents"].(pdfobj.String)
	if !ok || !c.Hex {
		return signature{}, apperr.New("pdfsig.invalid").WithDetail("the signature's /Contents is not a hex string")
	}
	s.contents = c
	return s, nil
}

// covers checks that the byte range leaves out exactly /Contents and
// reaches the end of doc.
func (s signature) covers(doc []byte) error {
	br := s.byteRange
	end := br[2] + br[3]
	if br[0] != 0 || br[1] != s.contents.Start || br[2] != s.contents.End || end > len(doc) {
		return apperr.New("pdfsig.range_mismatch").
			WithDetail("the signature's byte range %v does not leave out exactly its /Contents (bytes %d to %d) within the %d bytes of the file",
				br, s.contents.Start, s.contents.End, len(doc))
	}
	if end == len(doc) {
		return nil
	}
	after := doc[end:]
	if bytes.Contains(after, []byte("xref")) || bytes.Contains(after, []byte("obj")) || bytes.Contains(after, []byte("%%EOF")) {
		return apperr.New("pdfsig.incremental_update").
			WithDetail("%d bytes were added after the signed part of the file: a later revision, which can change what the pages show and what the file embeds", len(after))
	}
	return apperr.New("pdfsig.trailing_data").
		WithDetail("%d bytes follow the signed part of the file", len(after))
}

// der returns the CMS signature in /Contents, after checking that the
// rest of the string is zero padding written as GoLive writes it.
func (s signature) der(doc []byte) ([]byte, error) {
	raw := string(doc[s.contents.Start+1 : s.contents.End-1])
	b := s.contents.Bytes
	if enc := hex.EncodeToString(b); raw != enc && raw != strings.ToUpper(enc) {
		return nil, apperr.New("pdfsig.bad_padding").WithDetail("the signature's /Contents is not plain hex digits of one case")
	}
	n, err := derLength(b)
	if err != nil {
		return nil, apperr.New("pdfsig.invalid").WithDetail("the signature's /Contents holds no CMS signature: %v", err)
	}
	for i, c := range b[n:] {
		if c != 0 {
			return nil, apperr.New("pdfsig.bad_padding").
				WithDetail("byte %d of the padding after the signature in /Contents is %#02x, not zero: the file was changed after signing", n+i, c)
		}
	}
	return b[:n], nil
}

// derLength returns the length of the DER SEQUENCE b starts with.
func derLength(b []byte) (int, error) {
	if len(b) < 2 || b[0] != 0x30 {
		return 0, errors.New("not a DER sequence")
	}
	l, hdr := int(b[1]), 2
	if l&0x80 != 0 {
		k := l & 0x7f
		if k == 0 || k > 4 || len(b) < 2+k {
			return 0, errors.New("bad DER length")
		}
		l = 0
		for _, c := range b[2 : 2+k] {
			l = l<<8 | int(c)
		}
		hdr += k
	}
	if l > len(b)-hdr {
		return 0, errors.New("DER length beyond /Contents")
	}
	return hdr + l, nil
}

// verify checks the CMS signature der over the signed range of doc and
// returns the signer's certificate.
func (s signature) verify(doc, der []byte) (_ *x509.Certificate, err error) {
	defer func() {
		// The signature is read from the file; a malformed one must not
		// crash the verifier.
		if r := recover(); r != nil {
			err = apperr.New("pdfsig.invalid").WithDetail("the signature cannot be read: %v", r)
		}
	}()
	br := s.byteRange
	signed := make([]byte, 0, br[1]+br[3])
	signed = append(append(signed, doc[:br[1]]...), doc[br[2]:br[2]+br[3]]...)
	return checkCMS(der, signed)
}

// pdfDate reads a PDF date, "D:20261126100000+08'00'"; zero when it
// cannot.
func pdfDate(s string) time.Time {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 14 {
		return time.Time{}
	}
	t, err := time.Parse("20060102150405", s[:14])
	if err != nil {
		return time.Time{}
	}
	zone := strings.ReplaceAll(s[14:], "'", "")
	if zone == "" || zone == "Z" {
		return t.UTC()
	}
	if len(zone) != 5 || (zone[0] != '+' && zone[0] != '-') {
		return time.Time{}
	}
	h, err1 := strconv.Atoi(zone[1:3])
	m, err2 := strconv.Atoi(zone[3:5])
	if err1 != nil || err2 != nil {
		return time.Time{}
	}
	off := (h*60 + m) * 60
	if zone[0] == '-' {
		off = -off
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone("", off))
}
