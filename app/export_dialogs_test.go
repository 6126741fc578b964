package app

// The native open dialogs of DossierAPI stood in for, for the fixture
// recordings of the external tests (fixtures_package_test.go).

// SetDialog makes DossierAPI's open dialogs answer with choose (given the
// dialog's name): the path chosen, or "" for a cancelled dialog; nil
// shows the real dialogs again.
func (d *DossierAPI) SetDialog(choose func(name string) (string, error)) {
	if choose == nil {
		d.choose = nil
		return
	}
	d.choose = func(dlg dialog) (string, error) { return choose(string(dlg)) }
}
