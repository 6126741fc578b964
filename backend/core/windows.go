package core

import (
	"slices"
	"strconv"
	"sync"
	"time"

	"golive/backend/apperr"
	"golive/backend/keys"
	"golive/backend/ledger"
	"golive/backend/roster"
	"golive/backend/template"
	"golive/backend/window"
)

// planAuthority is the window service's Authority: the Judge of published
// window plans under the folder's roster (planJudge), keyed by the
// roster's tip, so the plans are judged again when the roster changes. A
// folder without a roster counts every plan (its profiles' claimed roles
// were checked when they published); a roster that cannot be read counts
// none: authority fails closed.
func (c *Core) planAuthority() (window.Judge, string) {
	chain, err := c.Roster.Chain()
	if err != nil {
		code := apperr.Code(err)
		return func(ledger.Event, window.Plan) error { return err }, "unreadable:" + code
	}
	tip, ok := chain.Tip()
	if !ok {
		return nil, ""
	}
	return planJudge(chain, c.planTemplate), tip.Event + "/" + strconv.Itoa(chain.Len())
}

// planTemplate returns the template stored under key, or the current one
// when the folder has no such version.
func (c *Core) planTemplate(key string) *template.Template {
	if t, err := c.Templates.Get(key); err == nil {
		return t
	}
	return c.Template()
}

// planJudge returns the rule a published window plan counts by (see
// package window, "Who manages windows"): its event's author must, in the
// roster version of chain in force at the event's time (the first
// version, for a plan older than the roster), be listed for a person
// holding the window-manager role of the plan's template (tpl resolves
// its key; template.Settings.WindowManager, which is the editor role in
// templates saved before the setting existed), with the key valid on that
// day. Otherwise window.plan_not_manager (event, year, key as a
// fingerprint, role, name: the signer's name in that version, "" when it
// lists no such key, and signer: the name with the fingerprint, or the
// fingerprint alone). chain must hold at least one version.
func planJudge(chain *roster.Chain, tpl func(key string) *template.Template) window.Judge {
	versions := sync.OnceValue(chain.Versions) // only when a plan is judged, not on every read of a cached one
	return func(e ledger.Event, p window.Plan) error {
		role := tpl(p.Template).Settings.WindowManager()
		vs := versions()
		v := vs[0]
		for _, w := range vs[1:] {
			if w.PublishedAt.After(e.Time) {
				break
			}
			v = w
		}
		refuse := func(name string) error {
			fp := keys.FingerprintHex(e.Author)
			signer := fp
			if name != "" {
				signer = name + " (" + fp + ")"
			}
			return apperr.New(window.CodePlanNotManager, "event", e.ID, "year", strconv.Itoa(p.Year),
				"key", fp, "role", role, "name", name, "signer", signer)
		}
		person, ok := v.KeyOwner(e.Author)
		if !ok {
			return refuse("")
		}
		if role == "" || !slices.Contains(person.Roles, role) {
			return refuse(person.Name)
		}
		day := e.Time.Format(time.DateOnly)
		for _, k := range person.Keys {
			if k.Public == e.Author && ((k.From != "" && day < k.From) || (k.Until != "" && day > k.Until)) {
				return refuse(person.Name)
			}
		}
		return nil
	}
}
