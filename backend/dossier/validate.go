package dossier

import (
	"encoding/json"
	"strconv"
	"strings"

	"golive/backend/apperr"
	"golive/backend/template"
)

// validateFields trims and checks f against tpl. With all set every field
// must be present (a new dossier). Codes: dossier.title_required,
// dossier.bad_type, dossier.bad_subtype, dossier.bad_mode,
// dossier.version_required, dossier.bad_time, dossier.bad_content,
// dossier.pm_required, dossier.owner_required.
func validateFields(tpl *template.Template, f *Fields, all bool, zone string) error {
	trim := func(p *string) {
		if p != nil {
			*p = strings.TrimSpace(*p)
		}
	}
	trim(f.Title)
	trim(f.Type)
	trim(f.Subtype)
	trim(f.Mode)
	trim(f.Version)
	trim(f.PlannedAt)
	trim(f.ProjectManager)
	trim(f.SystemOwner)
	trim(f.Entity)
	trim(f.ReleaseMethod)
	need := func(p *string, code string) error {
		if (p == nil && all) || (p != nil && *p == "") {
			return apperr.New(code)
		}
		return nil
	}
	for _, c := range []struct {
		p    *string
		code string
	}{{f.Title, "dossier.title_required"}, {f.Version, "dossier.version_required"}, {f.ProjectManager, "dossier.pm_required"}, {f.SystemOwner, "dossier.owner_required"}} {
		if err := need(c.p, c.code); err != nil {
			return err
		}
	}
	// A release window gives the time (checkWindow sets it); otherwise the
	// time is required.
	if f.Window == nil || *f.Window == "" {
		if err := need(f.PlannedAt, "dossier.time_required"); err != nil {
			return err
		}
	}
	if f.Entity != nil && len([]rune(*f.Entity)) > 100 {
		return apperr.New("dossier.entity_too_long", "max", "100")
	}
	if f.ReleaseMethod != nil && len([]rune(*f.ReleaseMethod)) > 4000 {
		return apperr.New("dossier.release_method_too_long", "max", "4000")
	}
	if f.Title != nil && len([]rune(*f.Title)) > 200 {
		return apperr.New("dossier.title_too_long", "max", "200")
	}
	if all && f.Type == nil {
		return apperr.New("dossier.bad_type", "type", "")
	}
	if f.Type != nil {
		rt, ok := findType(tpl, *f.Type)
		if !ok {
			return apperr.New("dossier.bad_type", "type", *f.Type)
		}
		sub := ""
		if f.Subtype != nil {
			sub = *f.Subtype
		}
		if len(rt.Subtypes) == 0 && sub != "" {
			return apperr.New("dossier.bad_subtype", "subtype", sub)
		}
		if len(rt.Subtypes) > 0 {
			ok := false
			for _, st := range rt.Subtypes {
				ok = ok || st.ID == sub
			}
			if !ok {
				return apperr.New("dossier.bad_subtype", "subtype", sub)
			}
		}
		f.Subtype = &sub
	} else if f.Subtype != nil {
		return apperr.New("dossier.bad_subtype", "subtype", *f.Subtype)
	}
	if all && f.Mode == nil {
		return apperr.New("dossier.bad_mode", "mode", "")
	}
	if f.Mode != nil {
		ok := false
		for _, m := range tpl.Modes {
			ok = ok || m.ID == *f.Mode
		}
		if !ok {
			return apperr.New("dossier.bad_mode", "mode", *f.Mode)
		}
	}
	if f.PlannedAt != nil {
		t, err := ParseTime(*f.PlannedAt, zoneOf(zone))
		if err != nil {
			return err
		}
		norm := t.Format("2006-01-02T15:04:05Z07:00")
		f.PlannedAt = &norm
	}
	if f.Content != nil {
		items := make([]ContentItem, 0, len(*f.Content))
		seen := map[string]bool{}
		for i, c := range *f.Content {
			c.Kind, c.Ref, c.Title = strings.TrimSpace(c.Kind), strings.TrimSpace(c.Ref), strings.TrimSpace(c.Title)
			if c.Ref == "" && c.Title == "" {
				continue
			}
			row := strconv.Itoa(i + 1)
			switch {
			case c.Kind != "cr" && c.Kind != "bug":
				return apperr.New("dossier.bad_content", "row", row, "problem", "kind")
			case c.Ref == "":
				return apperr.New("dossier.bad_content", "row", row, "problem", "ref")
			case c.Title == "":
				return apperr.New("dossier.bad_content", "row", row, "problem", "title")
			case seen[c.Ref]:
				return apperr.New("dossier.bad_content", "row", row, "problem", "duplicate")
			}
			seen[c.Ref] = true
			items = append(items, c)
		}
		f.Content = &items
	} else if all {
		empty := []ContentItem{}
		f.Content = &empty
	}
	return nil
}

func (s *Service) validateFields(tpl *template.Template, f *Fields, all bool) error {
	return validateFields(tpl, f, all, s.Zone.String())
}

func findType(tpl *template.Template, id string) (template.ReleaseType, bool) {
	for _, rt := range tpl.ReleaseTypes {
		if rt.ID == id {
			return rt, true
		}
	}
	return template.ReleaseType{}, false
}

// changedOnly drops the fields of p that already hold their value in st.
func changedOnly(st State, p Fields) Fields {
	same := func(v *string, cur string) *string {
		if v != nil && *v == cur {
			return nil
		}
		return v
	}
	p.Title = same(p.Title, st.Title)
	p.Type = same(p.Type, st.Type)
	p.Mode = same(p.Mode, st.Mode)
	p.Version = same(p.Version, st.Version)
	p.ProjectManager = same(p.ProjectManager, st.ProjectManager)
	p.SystemOwner = same(p.SystemOwner, st.SystemOwner)
	p.Window = same(p.Window, st.Window)
	p.Entity = same(p.Entity, st.Entity)
	p.ReleaseMethod = same(p.ReleaseMethod, st.ReleaseMethod)
	if p.Type == nil {
		p.Subtype = same(p.Subtype, st.Subtype)
	}
	if p.PlannedAt != nil {
		if t, err := ParseTime(*p.PlannedAt, zoneOf(st.Zone)); err == nil && t.Equal(st.PlannedAt) {
			p.PlannedAt = nil
		}
	}
	if p.Content != nil {
		a, _ := json.Marshal(*p.Content)
		b, _ := json.Marshal(st.Content)
		if string(a) == string(b) {
			p.Content = nil
		}
	}
	return p
}

func itoa(n int) string { return strconv.Itoa(n) }
