package template

// alignRoleNames gives every role one name wherever it appears: each
// countersign row's label becomes its role's name (roles[].name), and a
// step's role_label, which templates saved before this rule could carry to
// show a role under another name (信息管理部项目管理部总监 for the
// 项目管理部总监), is dropped, so every place shows the role's name. A row
// whose role the template lacks keeps its label; Validate reports the role.
func (t *Template) alignRoleNames() {
	align := func(s *Step) {
		s.RoleLabel = Text{}
		for i := range s.Rows {
			if r, ok := t.Role(s.Rows[i].Role); ok {
				s.Rows[i].Label = r.Name
			}
		}
	}
	for i := range t.Flows {
		for j := range t.Flows[i].Steps {
			align(&t.Flows[i].Steps[j])
		}
	}
	for i := range t.Modes {
		if t.Modes[i].SignatureStep != nil {
			align(t.Modes[i].SignatureStep)
		}
	}
}
