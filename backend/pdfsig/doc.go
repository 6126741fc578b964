// Package pdfsig signs GoLive's PDF documents as the exporting profile and
// checks such signatures.
//
// Every profile gets one self-signed X.509 certificate for this (Issue): an
// ECDSA P-256 key, because PDF readers and poppler's pdfsig verify ECDSA
// and RSA but not Ed25519 signatures. The certificate is bound to the
// profile's Ed25519 identity — the key that signs its dossier events — by
// two subject alternative name URIs: urn:golive:ed25519:<public key hex>
// and urn:golive:binding:<signature hex>, an Ed25519 signature by that
// identity over the SHA-256 of the certificate's public key (Binding checks
// it). The profile service stores the certificate and seals its key under
// the profile's passphrase, exactly as it seals the profile key.
//
// Sign adds a detached CMS signature (github.com/digitorus/pdfsign) as an
// incremental update; the text fields of the signature dictionary are kept
// ASCII, since pdfsign writes them unescaped.
//
// Verify trusts nothing it has not located through the file's structure
// (subpackage pdfobj, a bounded reader of the PDF files GoLive writes): the
// signature dictionary is the /V of the AcroForm's signature field, and
// its own /ByteRange must leave out exactly its /Contents string and reach
// the last byte of the file — text that merely looks like a /ByteRange
// elsewhere (in an appended content stream, an annotation, a comment after
// %%EOF) is never read. The only unsigned bytes are then /Contents, and
// those are pinned too: the CMS must be the canonical DER of the structure
// Sign writes (cms.go), with its certificate's self-signature intact, and
// followed by zero padding only. Each failure has its own code (see
// Verify), so the report says which check failed.
//
// Subpackage pdftest builds the tampered files the tests check.
package pdfsig
