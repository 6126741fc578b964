package app_test

import "golive/backend/demo"

// recordSwitch: the person menu of the top bar. The project manager is
// signed in, the PMO was unlocked earlier in this session (so switching to
// the PMO needs no passphrase), every other sample profile is locked and
// asks for its passphrase; then a wrong passphrase, and (into "errors") a
// switch after Lock, which forgets every key. Each list is answered to the
// profile signed in at that moment.
func recordSwitch(r *recorder) {
	api := r.api
	pm, pmo, dir := r.roles["project_manager"], r.roles["pmo"], r.roles["biz_apps_director"]
	api.Profiles.Lock()
	for _, p := range []string{pmo.ID, pm.ID} {
		if _, err := api.Profiles.Unlock(p, demo.SamplePassphrase); err != nil {
			r.t.Fatal(err)
		}
	}
	r.viewer = "project_manager"
	list, err := api.Profiles.List()
	r.must("switch", r.viewer, "ProfileAPI.List", nil, list, err)

	p, err := api.Profiles.Switch(pmo.ID)
	r.viewer = "pmo"
	r.must("switch", r.viewer, "ProfileAPI.Switch", []any{pmo.ID}, p, err)
	list, err = api.Profiles.List()
	r.must("switch", r.viewer, "ProfileAPI.List", nil, list, err)

	_, err = api.Profiles.Unlock(dir.ID, "wrong passphrase")
	r.fails("switch", "ProfileAPI.Unlock", []any{dir.ID, "wrong passphrase"}, "keys.wrong_passphrase", err)
	p, err = api.Profiles.Unlock(dir.ID, demo.SamplePassphrase)
	r.viewer = "biz_apps_director"
	r.must("switch", r.viewer, "ProfileAPI.Unlock", []any{dir.ID, demo.SamplePassphrase}, p, err)
	list, err = api.Profiles.List()
	r.must("switch", r.viewer, "ProfileAPI.List", nil, list, err)

	// Signed out (file "errors"): every key is forgotten.
	api.Profiles.Lock()
	r.viewer = ""
	_, err = api.Profiles.Switch(pmo.ID)
	r.fails("errors", "ProfileAPI.Switch", []any{pmo.ID}, "profile.not_unlocked", err)
}
