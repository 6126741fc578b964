// Package verify checks a GoLive PDF: its digital signature (backend/pdfsig)
// and its verification payload against the local store. The document
// embeds the content it shows (backend/printable); Check rebuilds that
// content from the folder's own copy of the dossier's events, up to the
// event the document was made from, and reports every field that
// differs. The CLI's `golive verify` and the app's 验证 screen both call
// Check.
//
// # What a MATCH rests on
//
// A document says the same thing three times: in the text of its pages
// (what people read and sign off), in its embedded data (the payload and
// the content it hashes, what Check compares with the store) and, for
// the payload, in its QR code. A verifier that compares only the
// embedded data with the store proves nothing about the pages unless
// something ties the pages to that data. Two checks do:
//
//  1. The signature covers the whole file (pdfsig.Verify): the byte range
//     is read from the signature dictionary the AcroForm field points to,
//     must leave out exactly that dictionary's /Contents string and reach
//     the last byte of the file; the zero padding after the CMS signature
//     must be zero. So nothing can be added after signing — no
//     incremental update that paints over the pages or swaps the
//     embedded files, however many fake /ByteRange texts it carries — and
//     no byte of the file is outside the signature but the signature
//     itself.
//
//  2. The pages print what the embedded data says (pages.go): the text of
//     every page is read back from its content streams through the
//     fonts' ToUnicode maps (no external tool: the app verifies offline,
//     on Windows too), and the facts a reader relies on must appear, next
//     to their labels, in the order GoLive draws them: the document
//     number on every page, the dossier number, system, version and
//     planned time, every decision with its approver and key, every
//     signature of the signatures table, the content digest and the
//     event the document was made from, and the fingerprint of the
//     certificate that signed the file.
//
// Why both. Check 1 makes the file exactly what one key signed, so a
// mismatch between pages and data can no longer be introduced after
// signing; swapping the embedded data of dossier B into a signed export
// of dossier A breaks the signature. What remains is a mismatch made
// before signing, by whoever holds a signing key: the pages of an export
// of A with the embedded files of an export of B (copied in with a PDF
// tool, or an export whose pages were edited), signed with a GoLive
// profile — a colleague's own key, or a sample profile's, whose
// passphrase is public. Such a file has a valid signature, and its
// embedded data matches the store, so without check 2 it verified as
// MATCH. Check 2 refuses it: A's pages print A's number, version, digest
// and decisions, not B's. Re-signing someone else's export with one's own
// key is caught too: the pages name the certificate they were made for.
//
// What check 2 does not claim: a signer who writes PDF by hand can print
// the expected text and hide it (white on white, off the page) or draw
// other text as paths. Check 2 proves that the expected facts are printed,
// not that nothing else is. Such a file is still signed, and the report
// names the signer, who answers for it. Pages that GoLive could not have
// written — XObjects, inline images, fonts without a ToUnicode map — are
// refused as unreadable rather than half read.
//
// # Bounded work
//
// A file is read only up to MaxFileSize; embedded files are inflated to
// at most MaxEmbeddedFile bytes each and page content to MaxPageContent
// in all, so a small PDF whose attachment inflates to gigabytes is
// refused (verify.payload_too_large) after inflating a few megabytes, and
// pages whose content inflates as much likewise (verify.pages_too_large).
package verify
