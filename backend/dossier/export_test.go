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
