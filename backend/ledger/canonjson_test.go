package ledger_test

import (
	"encoding/json"
	"strings"
	"testing"

	"golive/backend/ledger"
)

func TestCanonicalJSON(t *testing.T) {
	cases := []struct {
		name string
		in   any
		want string
	}{
		{"object keys sorted", json.RawMessage(`{"b":1,"a":2,"c":3}`), `{"a":2,"b":1,"c":3}`},
		{"keys sorted byte-wise", json.RawMessage(`{"é":1,"a":2,"B":3,"_":4,"aa":5}`), `{"B":3,"_":4,"a":2,"aa":5,"é":1}`},
		{"insignificant whitespace removed", json.RawMessage(" {\n\t\"a\" : [ 1 , 2 ] ,\r\n \"b\":{ } } \n"), `{"a":[1,2],"b":{}}`},
		{"nested objects sorted at every level", json.RawMessage(`{"z":{"y":[{"b":true,"a":null}],"x":"s"},"a":[]}`), `{"a":[],"z":{"x":"s","y":[{"a":null,"b":true}]}}`},
		{"numbers kept verbatim", json.RawMessage(`[1.0,1e3,1E+3,-0,0.10,-1.5e-7,12345678901234567890123456789]`), `[1.0,1e3,1E+3,-0,0.10,-1.5e-7,12345678901234567890123456789]`},
		{"chinese kept unescaped", json.RawMessage(`{"名称":"发布说明"}`), `{"名称":"发布说明"}`},
		{"escaped unicode decoded", json.RawMessage(`"\u53d1\u5E03 \ud83d\ude80"`), `"发布 🚀"`},
		{"html characters not escaped", json.RawMessage(`"<a href=\"x\">&amp;</a>"`), `"<a href=\"x\">&amp;</a>"`},
		{"html-escaped input unescaped", json.RawMessage(`"\u003c\u003e\u0026"`), `"<>&"`},
		{"solidus unescaped", json.RawMessage(`"a\/b"`), `"a/b"`},
		{"control characters escaped minimally", json.RawMessage(`"\u0001\b\f\n\r\t\u001F\u007f\"\\"`), "\"\\u0001\\b\\f\\n\\r\\t\\u001f\x7f\\\"\\\\\""},
		{"line separators kept raw", json.RawMessage(`"\u2028\u2029"`), "\"\u2028\u2029\""},
		{"literals", json.RawMessage(`[true,false,null]`), `[true,false,null]`},
		{"top-level scalar", json.RawMessage(` "x" `), `"x"`},
		{"byte slice taken as json text", []byte(`{"b":[],"a":"x"}`), `{"a":"x","b":[]}`},
		{"go map", map[string]any{"b": 1, "a": "<&>", "c": []int{3, 1}}, `{"a":"<&>","b":1,"c":[3,1]}`},
		{"go struct fields sorted", struct {
			Z string `json:"z"`
			A float64
		}{"中", 1.5}, `{"A":1.5,"z":"中"}`},
		{"go nil", nil, `null`},
		{"go string", "<p>", `"<p>"`},
		{"raw message inside a go value", map[string]any{"r": json.RawMessage(`{"y":1, "x":2}`)}, `{"r":{"x":2,"y":1}}`},
		{"nesting up to the limit", json.RawMessage(strings.Repeat("[", 512) + strings.Repeat("]", 512)), strings.Repeat("[", 512) + strings.Repeat("]", 512)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ledger.CanonicalJSON(tc.in)
			if err != nil {
				t.Fatalf("CanonicalJSON: %v", err)
			}
			if string(got) != tc.want {
				t.Fatalf("got  %s\nwant %s", got, tc.want)
			}
			again, err := ledger.CanonicalJSON(got)
			if err != nil || string(again) != string(got) {
				t.Fatalf("not idempotent: %s, %v", again, err)
			}
		})
	}
}

func TestCanonicalJSONRejectsInvalid(t *testing.T) {
	cases := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"whitespace only", " \n"},
		{"unclosed object", `{"a":1`},
		{"unclosed string", `"abc`},
		{"trailing comma in object", `{"a":1,}`},
		{"trailing comma in array", `[1,]`},
		{"missing comma", `[1 2]`},
		{"missing colon", `{"a" 1}`},
		{"unquoted key", `{a:1}`},
		{"number key", `{1:2}`},
		{"single quotes", `'a'`},
		{"leading zero", `01`},
		{"bare dot", `1.`},
		{"plus sign", `+1`},
		{"NaN", `NaN`},
		{"bad escape", `"\x"`},
		{"raw control character in string", "\"a\nb\""},
		{"truncated literal", `nul`},
		{"two values", `{"a":1}{"b":2}`},
		{"trailing garbage", `{"a":1} x`},
		{"invalid utf-8", "\"\xff\""},
		{"duplicate keys", `{"a":1,"a":2}`},
		{"duplicate keys nested", `[{"x":{"k":1,"k":1}}]`},
		{"mismatched brackets", `[1}`},
		{"nesting beyond the limit", strings.Repeat("[", 513) + strings.Repeat("]", 513)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ledger.CanonicalJSON(json.RawMessage(tc.in))
			assertCode(t, err, ledger.CodeInvalidJSON)
			if got != nil {
				t.Fatalf("got %s with error", got)
			}
		})
	}
	t.Run("unencodable go value", func(t *testing.T) {
		_, err := ledger.CanonicalJSON(make(chan int))
		assertCode(t, err, ledger.CodeInvalidJSON)
	})
}

// TestCanonicalShortcut: text already canonical is recognised without
// decoding, and nothing else is (the fuzz test checks the shortcut against
// decoding on any input; these are the cases it must tell apart).
func TestCanonicalShortcut(t *testing.T) {
	for in, want := range map[string]bool{
		`{"a":1,"b":[true,false,null,"x"]}`: true,
		`{"b":1,"a":2}`:                     false, // unsorted
		`{"a":1,"a":2}`:                     false, // duplicate
		`{"a":1,"ab":2,"b":{}}`:             true,
		`"\u001f\u0000\b\t\n\f\r\"\\中"`:     true,
		`"\u001F"`:                          false, // uppercase hex
		`"\u0008"`:                          false, // has a short form
		`"\u00e9"`:                          false, // not a control character
		`"\/"`:                              false,
		`{"a\n":1}`:                         false, // an escaped key: not judged
		`-0`:                                true,
		`1.50e+3`:                           true,
		`1E3`:                               true,
		`01`:                                false,
		`1.`:                                false,
		`.5`:                                false,
		`1e`:                                false,
		` 1`:                                false,
		`[1,]`:                              false,
		`[1] `:                              false,
		`{"a":1}{}`:                         false,
		`tru`:                               false,
		``:                                  false,
	} {
		if got := ledger.IsCanonical([]byte(in)); got != want {
			t.Errorf("IsCanonical(%q) = %v, want %v", in, got, want)
		}
		if want {
			if out, err := ledger.CanonicalizeSlowly([]byte(in)); err != nil || string(out) != in {
				t.Errorf("%q is canonical here but decoding gives %q, %v", in, out, err)
			}
		}
	}
}
