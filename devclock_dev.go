//go:build dev

package main

import (
	"fmt"
	"os"
	"time"

	"golive/backend/core"
)

// setDevClock lets the end-to-end tests start the dev build at another
// moment: GOLIVE_DEV_NOW (RFC 3339) is the instant the app starts at, and
// its clock runs on from there. The production build has no such hook.
func setDevClock(c *core.Core) {
	v := os.Getenv("GOLIVE_DEV_NOW")
	if v == "" || c == nil {
		return
	}
	at, err := time.Parse(time.RFC3339, v)
	if err != nil {
		fmt.Fprintln(os.Stderr, "golive: GOLIVE_DEV_NOW ignored:", err)
		return
	}
	start := time.Now()
	c.Clock = func() time.Time { return at.Add(time.Since(start)) }
}
