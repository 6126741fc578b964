package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"golive/backend/apperr"
	"golive/backend/core"
)

// The native dialogs of the settings page's backup section.
const (
	dialogSaveBackup    dialog = "save_backup"
	dialogOpenBackup    dialog = "open_backup"
	dialogRestoreFolder dialog = "restore_folder"
)

// init adds the backup dialogs to the catalogue of dialogs.go (Chinese
// written as escapes: Go sources hold no Chinese text).
func init() {
	backups := []fileFilter{{"filter.backup", "*.zip"}}
	dialogFilters[dialogSaveBackup] = backups
	dialogFilters[dialogOpenBackup] = backups
	dialogFilters[dialogRestoreFolder] = nil
	for k, v := range map[string]string{
		string(dialogSaveBackup):    "\u4fdd\u5b58\u5907\u4efd",                                     // save backup
		string(dialogOpenBackup):    "\u9009\u62e9\u5907\u4efd\u6587\u4ef6",                         // choose a backup file
		string(dialogRestoreFolder): "\u9009\u62e9\u6062\u590d\u5230\u7684\u7a7a\u6587\u4ef6\u5939", // choose the empty folder to restore into
		"filter.backup":             "GoLive \u5907\u4efd (*.zip)",                                  // GoLive backups
	} {
		dialogText["zh-CN"][k] = v
	}
	for k, v := range map[string]string{
		string(dialogSaveBackup):    "Save backup",
		string(dialogOpenBackup):    "Choose a backup file",
		string(dialogRestoreFolder): "Choose an empty folder to restore into",
		"filter.backup":             "GoLive backups (*.zip)",
	} {
		dialogText["en"][k] = v
	}
}

// openFolder shows the folder dialog d and returns the chosen folder, or
// "" when the user cancels. Code app.no_window without a window.
func openFolder(ctx context.Context, c *core.Core, d dialog) (string, error) {
	if ctx == nil {
		return "", apperr.New("app.no_window")
	}
	title, _ := dialogStrings(dialogLanguage(c), d)
	return runtime.OpenDirectoryDialog(ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}
