// Package fsplace says where a folder lies: on a plain local disk, inside
// the folder a file-sync tool keeps in step with other machines (OneDrive or
// SharePoint, Syncthing, Nextcloud or ownCloud, Dropbox, Google Drive,
// iCloud Drive), or on a network drive. A data folder is a Badger database,
// and a sync tool or a network file system damages a database: it copies
// the files one at a time while they change, brings back old copies, or
// loses the locks and the flushes the database relies on. The app warns
// when its data folder lies in such a place.
//
// Classify walks from a folder up to the root of its volume and looks, in
// each folder on the way, for the evidence a sync tool leaves: its marker
// files (.stfolder, .sync_*.db, .dropbox, …), the names it gives its root
// folder ("OneDrive - Contoso", "My Drive", "iCloudDrive", …) and, for
// OneDrive, the environment variables it sets. The innermost evidence
// wins. Then it asks the operating system what the volume is: statfs on
// Linux and macOS (with /proc/self/mountinfo to name a FUSE file system),
// a UNC path or a remote drive letter on Windows. Classify never fails:
// whatever cannot be read is simply not evidence, and a folder that does
// not exist yet is judged by its nearest existing ancestor.
//
// Contains compares two folders after resolving symbolic links, so the
// data folder can be kept out of a shared folder and the other way round.
package fsplace
