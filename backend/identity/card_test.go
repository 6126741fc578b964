package identity_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests load IANA zones; do not depend on the host's tzdata

	"golive/backend/apperr"
	"golive/backend/identity"
	"golive/backend/keys"
)

func shanghai(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// card makes a card with a fresh real key.
func card(t testing.TB) (identity.Card, ed25519.PrivateKey) {
	t.Helper()
	_, priv, err := keys.Generate()
	if err != nil {
		t.Fatal(err)
	}
	c, err := identity.Make(identity.Person{Name: "陈思", Department: "项目管理部", SubDepartment: "发布管理组", Title: "高级经理"},
		priv, time.Date(2026, 11, 26, 9, 30, 15, 123456789, shanghai(t)))
	if err != nil {
		t.Fatal(err)
	}
	return c, priv
}

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if apperr.Code(err) != code {
		t.Fatalf("code = %q (%v), want %q", apperr.Code(err), err, code)
	}
}

// edit decodes the card file into a map, lets fn change it and encodes it
// again.
func edit(t testing.TB, file []byte, fn func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(file, &m); err != nil {
		t.Fatal(err)
	}
	fn(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCardRoundTrip(t *testing.T) {
	c, priv := card(t)
	pub := priv.Public().(ed25519.PublicKey)
	if c.PublicKey != hex.EncodeToString(pub) || c.Fingerprint != keys.Fingerprint(pub) || c.Zone != "Asia/Shanghai" ||
		c.CreatedAt.Format(time.RFC3339Nano) != "2026-11-26T09:30:15+08:00" {
		t.Fatalf("card = %+v", c)
	}
	forms := map[string][]byte{
		"File":            c.File(),
		"Text":            []byte(c.Text()),
		"TextInAMail":     []byte("您好，这是我的身份卡：\r\n\r\n" + strings.ReplaceAll(c.Text(), "\n", "\r\n") + "\r\n谢谢！"),
		"CompactJSON":     edit(t, c.File(), func(map[string]any) {}),
		"TextLinesJoined": []byte(strings.Replace(c.Text(), "\n", "", -1)),
	}
	for name, b := range forms {
		t.Run(name, func(t *testing.T) {
			got, err := identity.Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			if !got.CreatedAt.Equal(c.CreatedAt) {
				t.Fatalf("created %v, want %v", got.CreatedAt, c.CreatedAt)
			}
			got.CreatedAt = c.CreatedAt
			if got != c || !bytes.Equal(got.PublicKeyBytes(), pub) {
				t.Fatalf("parsed %+v\nwant   %+v", got, c)
			}
		})
	}
	t.Run("BothFormsHoldTheSameBytes", func(t *testing.T) {
		text := c.Text()
		body := strings.TrimSuffix(strings.TrimPrefix(text, identity.BeginLine+"\n"), identity.EndLine+"\n")
		raw, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(body, "\n", ""))
		if err != nil || !bytes.Equal(raw, c.File()) {
			t.Fatalf("the text block holds %q, the file %q (%v)", raw, c.File(), err)
		}
		for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
			if len(line) > 64 {
				t.Fatalf("line of %d characters", len(line))
			}
		}
	})
	t.Run("ReadBoundsTheInput", func(t *testing.T) {
		got, err := identity.Read(bytes.NewReader(c.File()))
		if err != nil || got.PublicKey != c.PublicKey {
			t.Fatalf("read = %+v, %v", got, err)
		}
		// An endless input is refused after MaxSize+1 bytes.
		_, err = identity.Read(io.MultiReader(bytes.NewReader(c.File()), endless{}))
		wantCode(t, err, "identity.too_large")
	})
}

// endless is a reader of spaces without end.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

func TestCardRefused(t *testing.T) {
	c, priv := card(t)
	file := c.File()
	_, other, err := keys.Generate()
	if err != nil {
		t.Fatal(err)
	}
	otherPub := other.Public().(ed25519.PublicKey)
	cases := []struct {
		name string
		in   []byte
		code string
	}{
		{"ChangedName", edit(t, file, func(m map[string]any) { m["name"] = "王五" }), "identity.bad_signature"},
		{"ChangedTitle", edit(t, file, func(m map[string]any) { m["title"] = "首席信息官" }), "identity.bad_signature"},
		{"ChangedTime", edit(t, file, func(m map[string]any) { m["created_at"] = "2026-11-26T09:30:16+08:00" }), "identity.bad_signature"},
		{"OtherKeyWithItsFingerprint", edit(t, file, func(m map[string]any) {
			m["public_key"], m["fingerprint"] = hex.EncodeToString(otherPub), keys.Fingerprint(otherPub)
		}), "identity.bad_signature"},
		{"OtherKeyOnly", edit(t, file, func(m map[string]any) { m["public_key"] = hex.EncodeToString(otherPub) }), "identity.fingerprint_mismatch"},
		{"ShortKey", edit(t, file, func(m map[string]any) { m["public_key"] = c.PublicKey[:62] }), "identity.bad_public_key"},
		{"UppercaseKey", edit(t, file, func(m map[string]any) { m["public_key"] = strings.ToUpper(c.PublicKey) }), "identity.bad_public_key"},
		{"ShortSignature", edit(t, file, func(m map[string]any) { m["signature"] = c.Signature[:126] }), "identity.bad_signature"},
		{"NoSignature", edit(t, file, func(m map[string]any) { delete(m, "signature") }), "identity.missing_field"},
		{"NoZone", edit(t, file, func(m map[string]any) { delete(m, "zone") }), "identity.missing_field"},
		{"EmptyName", edit(t, file, func(m map[string]any) { m["name"] = " " }), "identity.missing_field"},
		{"LongTitle", edit(t, file, func(m map[string]any) { m["title"] = strings.Repeat("长", identity.MaxUnit+1) }), "identity.field_too_long"},
		{"EscapeInName", edit(t, file, func(m map[string]any) { m["name"] = "陈思\x1b[2J" }), "identity.bad_text"},
		{"BidiOverrideInName", edit(t, file, func(m map[string]any) { m["name"] = "陈\u202e思" }), "identity.bad_text"},
		{"ZoneNotTheOffsets", edit(t, file, func(m map[string]any) { m["zone"] = "Europe/Berlin" }), "identity.bad_time"},
		{"UnknownZone", edit(t, file, func(m map[string]any) { m["zone"] = "Mars/Olympus" }), "identity.bad_time"},
		{"OtherFormat", edit(t, file, func(m map[string]any) { m["format"] = "golive-identity/2" }), "identity.bad_format"},
		{"ExtraField", edit(t, file, func(m map[string]any) { m["roles"] = []string{"pmo"} }), "identity.unknown_field"},
		{"DuplicateName", bytes.Replace(file, []byte(`"name":`), []byte(`"name": "王五", "name":`), 1), "identity.malformed"},
		{"TwoCards", append(append([]byte{}, file...), file...), "identity.malformed"},
		{"Array", []byte(`[` + string(file) + `]`), "identity.malformed"},
		{"NumberForName", edit(t, file, func(m map[string]any) { m["name"] = 7 }), "identity.malformed"},
		{"NotUTF8", append(bytes.TrimSpace(bytes.Clone(file[:len(file)-3])), 0xff, '}'), "identity.malformed"},
		{"Empty", nil, "identity.truncated"},
		{"OnlySpaces", []byte("  \n"), "identity.truncated"},
		{"Oversized", append(bytes.Repeat([]byte(" "), identity.MaxSize), file...), "identity.too_large"},
		{"OversizedText", []byte(c.Text() + strings.Repeat("谢", identity.MaxSize/3)), "identity.too_large"},
		{"BlockWithoutEnd", []byte(strings.TrimSuffix(c.Text(), identity.EndLine+"\n")), "identity.truncated"},
		{"TwoBlocks", []byte(c.Text() + c.Text()), "identity.malformed"},
		{"BadBase64", []byte(strings.Replace(c.Text(), "\n", "\n*", 2)), "identity.malformed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := identity.Parse(tc.in)
			wantCode(t, err, tc.code)
		})
	}
	t.Run("ExtraFieldNamed", func(t *testing.T) {
		_, err := identity.Parse(edit(t, file, func(m map[string]any) { m["roles"] = []string{"pmo"} }))
		var e *apperr.Error
		if !errors.As(err, &e) || e.Params["field"] != "roles" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("EveryCutOfTheFileIsTruncated", func(t *testing.T) {
		end := len(bytes.TrimRight(file, "\n"))
		for n := 0; n < end; n++ {
			if _, err := identity.Parse(file[:n]); apperr.Code(err) != "identity.truncated" {
				t.Fatalf("the first %d of %d bytes: %v", n, len(file), err)
			}
		}
	})
	t.Run("EveryCutOfTheBlockIsTruncated", func(t *testing.T) {
		text := c.Text()
		body := strings.TrimSuffix(text, identity.EndLine+"\n")
		for n := len(identity.BeginLine) + 1; n < len(body)-1; n++ {
			cut := body[:n] + "\n" + identity.EndLine + "\n"
			got, err := identity.Parse([]byte(cut))
			if err == nil && got.Signature == c.Signature {
				continue // only the file's final newline was cut
			}
			if apperr.Code(err) != "identity.truncated" {
				t.Fatalf("block cut after %d of %d characters: %v", n, len(body), err)
			}
		}
	})
	t.Run("EveryFlippedBitOfTheBlockIsRefused", func(t *testing.T) {
		raw := file
		for i := range raw {
			b := append([]byte{}, raw...)
			b[i] ^= 0x01
			text := identity.BeginLine + "\n" + base64.StdEncoding.EncodeToString(b) + "\n" + identity.EndLine + "\n"
			if got, err := identity.Parse([]byte(text)); err == nil {
				// Only a change JSON ignores may pass: the content must be the same.
				if got.Name != c.Name || got.PublicKey != c.PublicKey || got.Signature != c.Signature || !got.CreatedAt.Equal(c.CreatedAt) {
					t.Fatalf("flipping byte %d (%q) passed with %+v", i, raw[i], got)
				}
			}
		}
	})
	t.Run("MakeRefusesWhatParseRefuses", func(t *testing.T) {
		at := time.Date(2026, 11, 26, 9, 0, 0, 0, shanghai(t))
		_, err := identity.Make(identity.Person{Name: "陈\n思", Department: "x"}, priv, at)
		wantCode(t, err, "identity.bad_text")
		_, err = identity.Make(identity.Person{Name: "陈思", Department: ""}, priv, at)
		wantCode(t, err, "identity.missing_field")
		_, err = identity.Make(identity.Person{Name: "陈思", Department: "x"}, priv, at.In(time.FixedZone("UTC+8", 8*3600)))
		wantCode(t, err, "identity.bad_time")
		_, err = identity.Make(identity.Person{Name: "陈思", Department: "x"}, priv[:10], at)
		wantCode(t, err, "identity.bad_public_key")
	})
}
