package models

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxSlugLen bounds slugs so URLs stay readable.
const MaxSlugLen = 80

// Slugify turns a title into a URL slug: lower-case ASCII letters, digits
// and single hyphens. Accents are folded ("Café" becomes "cafe"); other
// scripts are dropped. An empty result becomes "article".
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // combining accent left by NFKD
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			continue // "Kim's" becomes "kims", not "kim-s"
		default:
			hyphen = true
		}
		if b.Len() >= MaxSlugLen {
			break
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if len(out) > MaxSlugLen {
		out = strings.TrimRight(out[:MaxSlugLen], "-")
	}
	if out == "" {
		return "article"
	}
	return out
}

// ValidSlug reports whether s could have come out of Slugify.
func ValidSlug(s string) bool {
	if s == "" || len(s) > MaxSlugLen || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return !strings.Contains(s, "--")
}
