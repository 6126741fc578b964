// Package apperr defines GoLive's coded errors. Every error that can reach a
// user carries a stable code (for example "profile.wrong_passphrase") and
// named parameters; the frontend translates the code with its i18n catalogue
// and never shows the Go message raw.
package apperr

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Internal is the code given to any error that carries no code of its own.
const Internal = "internal"

// Error is an error with a stable, translatable code and named parameters.
type Error struct {
	// Code is a dotted, stable identifier such as "store.already_open".
	Code string `json:"code"`
	// Params holds values the translated message interpolates, e.g. {"field": "version"}.
	Params map[string]string `json:"params,omitempty"`
	// Detail is an English explanation for logs and the CLI; never shown raw in the UI.
	Detail string `json:"detail,omitempty"`
	// Err is the underlying cause, if any.
	Err error `json:"-"`
}

// New returns an *Error with code and key/value parameter pairs. An odd
// trailing key gets an empty value.
func New(code string, kv ...string) *Error {
	e := &Error{Code: code}
	if len(kv) > 0 {
		e.Params = make(map[string]string, len(kv)/2+1)
		for i := 0; i < len(kv); i += 2 {
			v := ""
			if i+1 < len(kv) {
				v = kv[i+1]
			}
			e.Params[kv[i]] = v
		}
	}
	return e
}

// Wrap returns an *Error with code whose cause is err.
func Wrap(err error, code string, kv ...string) *Error {
	e := New(code, kv...)
	e.Err = err
	if err != nil {
		e.Detail = err.Error()
	}
	return e
}

// WithDetail sets an English detail message and returns e.
func (e *Error) WithDetail(format string, args ...any) *Error {
	e.Detail = fmt.Sprintf(format, args...)
	return e
}

// Error renders the code, parameters and detail in a stable English form.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Code)
	if len(e.Params) > 0 {
		keys := make([]string, 0, len(e.Params))
		for k := range e.Params {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString(" (")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s=%s", k, e.Params[k])
		}
		b.WriteString(")")
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is an *Error with the same code, so that
// errors.Is(err, apperr.New("x")) matches any error coded "x".
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// Code returns the code of the first *Error in err's chain, Internal for any
// other non-nil error, and "" for nil.
func Code(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// HasCode reports whether err's chain holds an *Error coded code.
func HasCode(err error, code string) bool { return Code(err) == code }

// JSON encodes err for the frontend as {"code":…,"params":…,"detail":…}.
// Uncoded errors become code Internal with their message as detail.
func JSON(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Code: Internal, Detail: err.Error()}
	}
	b, _ := json.Marshal(e)
	return string(b)
}
