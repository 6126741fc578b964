// Command golive is GoLive (上线发布台), a local-first desktop app for IT
// release dossiers. Without a subcommand it opens the window; with one
// (golive demo, golive version, …) it runs headless; anything else it
// does not understand is refused with the help and exit status 2.
package main

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	_ "time/tzdata"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"golive/app"
	"golive/backend/apperr"
	"golive/backend/applog"
	"golive/backend/cli"
	"golive/backend/core"
	"golive/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	store.LimitMemory()
	// A headless command, the help, or "unknown command" (exit 2) for an
	// argument that is neither a command, a flag nor an exchange file:
	// only what is for the window goes on (cli.Classify).
	if window, status := cli.Main(os.Args[1:], os.Stdout, os.Stderr); !window {
		os.Exit(status)
	}
	if err := runApp(dataDirFromArgs(os.Args[1:])); err != nil {
		fmt.Fprintln(os.Stderr, "golive:", err)
		os.Exit(1)
	}
}

// dataDirFromArgs finds --data DIR (or --data=DIR) among the arguments,
// else the default folder, and leaves the rest to Wails, whose dev build
// parses its own flags.
func dataDirFromArgs(args []string) string {
	if dir := cli.DataDirArg(args); dir != "" {
		return dir
	}
	return core.DefaultDataDir()
}

func runApp(dir string) error {
	c, openErr := core.OpenForApp(dir)
	setDevClock(c)
	if openErr != nil {
		// Still open a window: it says why (for instance that the folder is
		// open in another GoLive), and the single-instance lock below hands
		// the start over to that other window when there is one.
		fmt.Fprintln(os.Stderr, "golive:", cli.Explain(openErr))
	}
	// The log opens after the store, which creates the folder; a folder
	// that could not be made, or that is damaged (whose files stay as they
	// are), logs to stderr.
	logDir := dir
	if apperr.HasCode(openErr, "store.damaged") || (c != nil && c.Store.ReadOnly()) {
		logDir = ""
	}
	lg := applog.Open(logDir, applog.Options{Fallback: os.Stderr})
	app.SetLog(lg)
	if openErr != nil {
		lg.Error("data folder not opened", "code", apperr.Code(openErr), "error", openErr.Error())
	} else {
		lg.Info("app started", "version", core.Version)
	}
	api := app.New(c, openErr)
	// "golive F.golive" (a file opened with the app): the window imports
	// it once it is ready (ExchangeAPI.TakeOpened).
	wd, _ := os.Getwd()
	api.Exchange.Open(os.Args[1:], wd)
	abs, _ := filepath.Abs(dir)
	sum := sha256.Sum256([]byte(abs))
	closeStore := func() {
		if c != nil {
			_ = c.Close()
		}
		lg.Info("app stopped")
		_ = lg.Close()
	}
	err := wails.Run(&options.App{
		Title:     "GoLive 上线发布台",
		Width:     1280,
		Height:    760,
		MinWidth:  1024,
		MinHeight: 640,
		AssetServer: &assetserver.Options{
			Assets: assets,
		},
		BackgroundColour: &options.RGBA{R: 245, G: 247, B: 250, A: 255},
		// Files dropped anywhere on the window: exchange files are
		// imported (the window's global drop handler); components that
		// take files keep their own drop.
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
		OnStartup:   api.Startup,
		OnShutdown:  func(context.Context) { closeStore() },
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "golive-" + hex.EncodeToString(sum[:8]),
			OnSecondInstanceLaunch: api.SecondInstance,
		},
		Bind: api.Bind(),
	})
	if err != nil {
		closeStore()
	}
	return err
}
