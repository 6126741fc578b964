// Package identity is the identity card (身份卡): a person's signed
// self-introduction, made on their own laptop and sent to the PMO, who
// enters the key in the roster after comparing its fingerprint by voice or
// in person.
//
// A card names the person (name, department, sub-department, title), their
// Ed25519 public key and its fingerprint, and when it was made (RFC 3339
// with the offset, plus the IANA zone name), and is signed by that key: the
// signature proves the maker held the private key, not who the maker is
// (that is what the fingerprint check is for).
//
// One content, two forms. The file (.golive-id) is the card as indented
// JSON:
//
//	{
//	  "format": "golive-identity/1",
//	  "name": "陈思",
//	  "department": "项目管理部",
//	  "sub_department": "",
//	  "title": "",
//	  "public_key": "<64 lowercase hex digits>",
//	  "fingerprint": "3F2A 91C0 …",
//	  "created_at": "2026-11-26T09:00:00+08:00",
//	  "zone": "Asia/Shanghai",
//	  "signature": "<128 lowercase hex digits>"
//	}
//
// The text block to paste is the same bytes in base64, 64 characters a
// line, between "-----BEGIN GOLIVE IDENTITY-----" and
// "-----END GOLIVE IDENTITY-----"; text around the block (a greeting in a
// mail) is ignored.
//
// The signature is Ed25519 over SignedPrefix followed by the canonical
// JSON (ledger.CanonicalJSON) of the card with "signature" empty, so
// re-indenting the file does not break it. Parse takes
// either form and refuses, each with its own code: more than MaxSize bytes
// (identity.too_large), a block without its end line or JSON that stops
// early (identity.truncated), anything that is not one JSON object or has
// duplicate keys (identity.malformed), a member it does not know
// (identity.unknown_field), another format (identity.bad_format), a
// missing member (identity.missing_field), text too long or holding
// control characters (identity.field_too_long, identity.bad_text), a bad
// public key (identity.bad_public_key), a fingerprint that is not the
// key's (identity.fingerprint_mismatch), a time whose offset is not its
// zone's (identity.bad_time) and a signature that does not verify
// (identity.bad_signature).
package identity
