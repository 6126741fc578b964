//go:build unix && !linux

package crashtest_test

import "errors"

var errNoMount = errors.New("these tests mount file systems on Linux only")

func mountTmpfsAt(string, int64) (func() error, error) { return nil, errNoMount }

func bindReadOnly(string) (func() error, error) { return nil, errNoMount }
