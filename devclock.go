//go:build !dev

package main

import "golive/backend/core"

// setDevClock does nothing outside the dev build.
func setDevClock(*core.Core) {}
