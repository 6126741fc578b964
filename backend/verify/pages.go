package verify

import (
	"errors"
	"strings"
	"unicode"

	"golive/backend/apperr"
	"golive/backend/pdfsig/pdfobj"
	"golive/backend/printable"
)

// MaxPageContent bounds the decoded page content (content streams and
// ToUnicode maps together) the page check reads. GoLive's longest
// documents decode to a few hundred kilobytes.
const MaxPageContent = 16 << 20

// fact is a text the pages must print because the embedded data says so.
type fact struct {
	// field names the fact in verify.pages_differ ("version", "decisions" …).
	field string
	// text is what is printed, in drawing order: a label directly followed
	// by its value, or the cells of one table row.
	text string
	// everyPage: the header or footer of each page prints it.
	everyPage bool
}

// checkPages compares the text of the pages of rev with the facts of c
// and p; cert is the fingerprint of the certificate that signed the file
// ("" when the signature is not valid). Codes: verify.pages_too_large,
// verify.pages_unreadable, verify.pages_differ.
func (r *Report) checkPages(rev *pdfobj.Revision, c *printable.Content, p printable.Payload, cert string) {
	pages, err := rev.Pages(MaxPageContent)
	switch {
	case errors.Is(err, pdfobj.ErrTooLarge):
		r.problem(apperr.New("verify.pages_too_large", "max", "16 MiB").
			WithDetail("the pages decode to more than %d bytes, far more than any GoLive document", MaxPageContent), Invalid)
		return
	case err != nil:
		r.problem(apperr.Wrap(err, "verify.pages_unreadable").WithDetail("the text of the pages cannot be read: %v", err), Invalid)
		return
	}
	texts := make([]string, len(pages))
	for i, pg := range pages {
		texts[i] = flat(strings.Join(pg.Runs, ""))
	}
	all := strings.Join(texts, "")
	var missing []string
	seen := map[string]bool{}
	for _, f := range facts(c, p, cert) {
		ok := true
		if f.everyPage {
			for _, t := range texts {
				ok = ok && printed(t, f.text)
			}
		} else {
			ok = printed(all, f.text)
		}
		if !ok && !seen[f.field] {
			seen[f.field] = true
			missing = append(missing, f.field)
		}
	}
	if len(missing) > 0 {
		list := strings.Join(missing, ", ")
		r.problem(apperr.New("verify.pages_differ", "fields", list).
			WithDetail("the pages do not print the %s that the document's embedded verification data states", list), Invalid)
	}
}

// printed reports whether the flattened page text holds want.
func printed(text, want string) bool { return strings.Contains(text, flat(want)) }

// flat drops all white space: lines wrap at spaces, which the layout
// drops, and a cell's lines are drawn one after the other.
func flat(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// facts lists what the pages of c must print, following backend/pdf's
// layout: the header and footer of every page, the title, the summary
// grid, the approval grid, the confirmation, the verification block and
// its signatures table. The labels and the order they are drawn in are
// part of what a document promises: a change to them in backend/printable
// or backend/pdf must keep the documents made before verifiable (the
// tests of backend/documents verify every kind in both languages).
func facts(c *printable.Content, p printable.Payload, cert string) []fact {
	l := c.Lang
	colon := "："
	if l == printable.En {
		colon = ": "
	}
	fs := []fact{
		{"number", l.L("f.number") + colon + c.Number, true},
		{"title", "GoLive · " + c.Title, true},
		{"title", c.Title, false},
		{"number", l.L("f.number") + c.Number, false},
		{"digest", l.L("f.digest") + p.Digest, false},
	}
	if c.Event != "" {
		fs = append(fs, fact{"event", l.L("f.event") + c.Event, false})
	}
	if len(c.Heads) > 1 {
		fs = append(fs, fact{"event", l.L("f.heads") + strings.Join(c.Heads, ""), false})
	}
	if cert != "" {
		fs = append(fs, fact{"certificate", l.L("f.cert") + cert, false})
	}
	if d := c.Dossier; d != nil {
		fs = append(fs,
			fact{"dossier", d.ID, true},
			fact{"dossier", d.ID + " · " + d.System + " · " + d.Version, false},
			fact{"dossier", l.L("f.id") + d.ID, false},
			fact{"system", l.L("f.system") + d.System, false},
			fact{"version", l.L("f.version") + d.Version, false},
			fact{"planned_at", l.L("f.planned") + d.PlannedAt, false},
		)
	}
	if c.Kind == printable.KindConfirmation || c.Kind == printable.KindApprovals || c.Kind == printable.KindApplication || c.Kind == printable.KindOpinions {
		for _, sec := range c.Approvals {
			for _, row := range sec.Rows {
				t := row.Approver
				if len(row.Fingerprint) >= 9 {
					t += row.Fingerprint[:9]
				}
				fs = append(fs, fact{"decisions", t + row.Decision, false})
			}
		}
	}
	if cf := c.Confirmation; cf != nil && (c.Kind == printable.KindTestConfirmation || c.Kind == printable.KindUserConfirmation) {
		fs = append(fs,
			fact{"confirmation", l.L("c.result") + cf.Result, false},
			fact{"confirmation", l.L("c.signer") + cf.By + "（" + cf.Role + "）· " + cf.At, false},
		)
	}
	for _, s := range c.Signatures {
		how := l.L("v.self")
		if s.Witnessed {
			how = l.L("v.witnessed")
		}
		fs = append(fs, fact{"signatures", s.Label + s.Name + s.Fingerprint + how + s.At, false})
	}
	return fs
}
