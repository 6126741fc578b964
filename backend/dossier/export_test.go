package dossier

// SetInboxShortcuts turns the inbox's pre-filter and memo on or off (on
// by default) and returns how many dossiers the inbox folded since the
// last call, so a test can compare the inbox with and without them.
func (s *Service) SetInboxShortcuts(on bool) (folded int) {
	m := &s.inboxMemo
	m.mu.Lock()
	defer m.mu.Unlock()
	folded, m.folds = m.folds, 0
	m.off = !on
	m.key, m.chain, m.byID = "", nil, nil
	return folded
}

// ResetInboxFolds returns how many dossiers the inbox folded since the
// last count, and counts again from zero, keeping the memo.
func (s *Service) ResetInboxFolds() (folded int) {
	m := &s.inboxMemo
	m.mu.Lock()
	defer m.mu.Unlock()
	folded, m.folds = m.folds, 0
	return folded
}

// Cached reports whether dossier id's fold is kept in the cache.
func (s *Service) Cached(id string) bool {
	_, ok := s.cached(id)
	return ok
}

// Forget drops dossier id's fold from the cache.
func (s *Service) Forget(id string) { s.forget(id) }

// AfterRead sets what get runs between folding a dossier read from the
// store and keeping the fold (nil: nothing).
func (s *Service) AfterRead(fn func()) { s.afterRead = fn }
