package dossier

import "golive/backend/people"

// People returns who the folder's public keys are, from signed sources
// only (backend/people): the roster chain events are judged under, then
// the verified identity cards. Codes: those of the roster chain and the
// store.
func (s *Service) People() (*people.Directory, error) {
	chain, err := s.chain()
	if err != nil {
		return nil, err
	}
	return people.Load(chain, s.profiles)
}

// ForgetViews drops every cached view, so the next read names the authors
// again: for a caller that stored an identity card (a profile unlocked for
// the first time since cards, a card imported).
func (s *Service) ForgetViews() {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	s.cache = nil
}
