package cli

import (
	"fmt"
	"io"
	"strings"

	"golive/backend/apperr"
	"golive/backend/core"
	"golive/backend/profile"
	"golive/backend/template"
)

func init() {
	register("inbox", "golive inbox [--profile P] [--json] [--lang en] [--data DIR]  what waits for a profile (待我审批), no passphrase needed", runInbox)
}

// inboxJSON is what inbox --json prints (field names documented in the
// README; they do not change).
type inboxJSON struct {
	Profile inboxProfile `json:"profile"`
	Items   []inboxItem  `json:"items"`
}

// inboxProfile is the profile whose inbox it is, with its roles as the
// roster gives them (the roles it claimed, without a roster).
type inboxProfile struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

// inboxItem is one task waiting for the profile, oldest first.
type inboxItem struct {
	Dossier        string `json:"dossier"`
	Title          string `json:"title"`
	System         string `json:"system"`
	SystemName     string `json:"system_name"`
	Kind           string `json:"kind"`
	KindName       string `json:"kind_name"`
	Step           string `json:"step"`
	StepName       string `json:"step_name"`
	Row            string `json:"row"`
	Role           string `json:"role"`
	RoleName       string `json:"role_name"`
	Since          string `json:"since"`
	Delegated      bool   `json:"delegated"`
	Urges          int    `json:"urges"`
	Mode           string `json:"mode"`
	NotFullyTested bool   `json:"not_fully_tested"`
	PlannedAt      string `json:"planned_at"`
}

func runInbox(args []string, out io.Writer) error {
	r := newReadCommand("inbox")
	who := r.fs.String("profile", "", "the profile's id or name (default: the folder's only profile)")
	return r.run(args, out, func(rest []string) error {
		if err := r.noArgs(rest); err != nil {
			return err
		}
		c, err := openDataReadOnly(*r.dir)
		if err != nil {
			return err
		}
		defer c.Close()
		p, err := inboxProfileOf(c, strings.TrimSpace(*who))
		if err != nil {
			return err
		}
		res, err := inboxOf(c, r.l, p)
		if err != nil {
			return err
		}
		if *r.asJSON {
			return printJSON(out, res)
		}
		tpl := c.Template()
		var roles []string
		for _, id := range res.Profile.Roles {
			roles = append(roles, roleName(tpl, r.l, id))
		}
		sep := "、"
		if r.l == langEn {
			sep = ", "
		}
		fmt.Fprintln(out, r.l.sprintf("inbox.title", res.Profile.Name, strings.Join(roles, sep)))
		if len(res.Items) == 0 {
			fmt.Fprintln(out, r.l.L("inbox.empty"))
			return nil
		}
		var rows [][]string
		for _, it := range res.Items {
			task := it.KindName
			if it.Delegated {
				task += " (" + r.l.L("inbox.delegated") + ")"
			}
			rows = append(rows, []string{shortRFC(it.Since), it.Dossier, it.System, task, it.StepName, it.Title})
		}
		printTable(out, []string{r.l.L("inbox.since"), r.l.L("inbox.dossier"), r.l.L("list.system"), r.l.L("inbox.task"), r.l.L("inbox.step"), r.l.L("list.title")}, rows)
		fmt.Fprintln(out, r.l.sprintf("inbox.count", len(res.Items)))
		return nil
	})
}

// inboxProfileOf finds the profile want names (its id, else its name);
// with want empty, the folder's only profile. Codes: cli.no_profiles,
// cli.no_profile (exit 1); cli.choose_profile and cli.ambiguous_profile,
// usage errors listing the profiles.
func inboxProfileOf(c *core.Core, want string) (profile.Summary, error) {
	list, err := c.Profiles.List()
	if err != nil {
		return profile.Summary{}, err
	}
	if len(list) == 0 {
		return profile.Summary{}, apperr.New("cli.no_profiles")
	}
	names := func(ps []profile.Summary) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.ID+" "+p.Name)
		}
		return strings.Join(out, ", ")
	}
	if want == "" {
		if len(list) == 1 {
			return list[0], nil
		}
		return profile.Summary{}, usageErr(apperr.New("cli.choose_profile", "profiles", names(list)))
	}
	var named []profile.Summary
	for _, p := range list {
		if p.ID == want {
			return p, nil
		}
		if p.Name == want {
			named = append(named, p)
		}
	}
	switch len(named) {
	case 0:
		return profile.Summary{}, apperr.New("cli.no_profile", "profile", want, "profiles", names(list))
	case 1:
		return named[0], nil
	}
	return profile.Summary{}, usageErr(apperr.New("cli.ambiguous_profile", "profile", want, "profiles", names(named)))
}

// inboxOf is what waits for p (dossier.Service.InboxOf: the app's inbox
// for p, without p's key), with names in l.
func inboxOf(c *core.Core, l lang, p profile.Summary) (inboxJSON, error) {
	me, err := c.Profiles.Rostered(p.ID)
	if err != nil {
		return inboxJSON{}, err
	}
	items, err := c.Dossiers.InboxOf(p.ID)
	if err != nil {
		return inboxJSON{}, err
	}
	res := inboxJSON{Profile: inboxProfile{ID: p.ID, Name: p.Name, Roles: append([]string{}, me.Roles...)}, Items: []inboxItem{}}
	tpls := map[string]*template.Template{}
	for _, it := range items {
		v, err := c.Dossiers.Get(it.Dossier)
		if err != nil {
			return inboxJSON{}, err
		}
		tpl, ok := tpls[v.State.Template]
		if !ok {
			if tpl, err = c.ResolveTemplate(v.State.Template); err != nil {
				return inboxJSON{}, err
			}
			tpls[v.State.Template] = tpl
		}
		res.Items = append(res.Items, inboxItem{Dossier: it.Dossier, Title: it.Title, System: it.SystemCode, SystemName: it.SystemName,
			Kind: it.Kind, KindName: l.taskName(it.Kind), Step: it.Step, StepName: stepName(v.State.Plan, l, it.Step, it.Row, tpl), Row: it.Row,
			Role: it.Role, RoleName: roleNameOrEmpty(tpl, l, it.Role), Since: timeText(it.Since), Delegated: it.Delegated, Urges: it.Urges,
			Mode: it.Mode, NotFullyTested: it.NotFullyTested, PlannedAt: timeText(it.PlannedAt)})
	}
	return res, nil
}

// roleNameOrEmpty is roleName, "" for no role.
func roleNameOrEmpty(tpl *template.Template, l lang, id string) string {
	if id == "" {
		return ""
	}
	return roleName(tpl, l, id)
}
