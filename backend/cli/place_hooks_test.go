package cli

import "io"

// SetStderr sends the commands' warnings to w until the returned function
// restores it.
func SetStderr(w io.Writer) (restore func()) {
	old := stderr
	stderr = w
	return func() { stderr = old }
}
