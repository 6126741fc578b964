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
// ASCII, since pdfsign writes them unescaped. Verify checks the signature
// cryptographically, that it covers the whole file, and returns the
// certificate and its bound identity; a document changed after signing
// fails with pdfsig.digest_mismatch.
package pdfsig
