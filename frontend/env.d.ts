/// <reference types="vite/client" />

interface Window {
  /** Present when the page runs inside the Wails webview. */
  go?: { app?: Record<string, unknown> }
}
