package app

import (
	"os/exec"
	goruntime "runtime"

	"golive/backend/apperr"
)

// openWithSystem opens path with the operating system's default
// application for its type.
func openWithSystem(path string) error {
	var cmd *exec.Cmd
	switch goruntime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return apperr.Wrap(err, "app.open_failed", "path", path)
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
