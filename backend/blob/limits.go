package blob

import "golive/backend/apperr"

// MaxUpload is the largest file the window may send as bytes (drag and
// drop, file input): 32 MiB. Larger files go through the native file
// dialog, which streams from disk. The frontend reads it from the app
// info (core.Info.Limits) and never writes the number itself.
const MaxUpload int64 = 32 << 20

// UploadTooLarge is the blob.too_large error for a file above MaxUpload
// (param max, e.g. "32 MiB").
func UploadTooLarge() error { return apperr.New("blob.too_large", "max", formatSize(MaxUpload)) }
