package newsroom

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// MinSessionSecret is the fewest bytes a session secret may have.
const MinSessionSecret = 32

// ParseSessionSecrets reads NEWS_SESSION_KEYS: one or more base64 secrets
// (standard or URL alphabet, padding optional) separated by commas, each
// at least 32 bytes once decoded. The first signs new cookies; the others
// are still accepted, so a key can be rotated without signing anyone out:
// put the new key first and drop the old one a day or two later.
func ParseSessionSecrets(s string) ([][]byte, error) {
	var out [][]byte
	for i, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		b, err := decodeBase64(part)
		if err != nil {
			return nil, fmt.Errorf("handlers: NEWS_SESSION_KEYS key %d is not base64", i+1)
		}
		if len(b) < MinSessionSecret {
			return nil, fmt.Errorf("handlers: NEWS_SESSION_KEYS key %d has %d bytes; at least %d are needed (openssl rand -base64 32)",
				i+1, len(b), MinSessionSecret)
		}
		out = append(out, b)
	}
	if len(out) == 0 {
		return nil, errors.New("handlers: NEWS_SESSION_KEYS holds no key")
	}
	return out, nil
}

func decodeBase64(s string) ([]byte, error) {
	s = strings.TrimRight(s, "=")
	if strings.ContainsAny(s, "-_") {
		return base64.RawURLEncoding.DecodeString(s)
	}
	return base64.RawStdEncoding.DecodeString(s)
}

// SessionKeyPairs turns secrets into the key pairs the cookie store uses:
// for each secret, a 64-byte signing key and a 32-byte AES key, derived
// with HMAC so that neither is the secret itself. Cookies are therefore
// signed and encrypted.
func SessionKeyPairs(secrets [][]byte) [][]byte {
	var pairs [][]byte
	for _, s := range secrets {
		auth := hmac.New(sha512.New, s)
		auth.Write([]byte("news session signing key"))
		enc := hmac.New(sha256.New, s)
		enc.Write([]byte("news session encryption key"))
		pairs = append(pairs, auth.Sum(nil), enc.Sum(nil))
	}
	return pairs
}
