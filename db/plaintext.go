package db

import (
	"database/sql/driver"
	"html"
	"regexp"
	"strings"

	"modernc.org/sqlite"
)

// The search index's triggers (migration 0005) call news_plain_text to
// index an article's words rather than its markup. SQLite functions belong
// to the driver, so it is registered once, before any connection opens.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("news_plain_text", 1,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case string:
				return PlainText(v), nil
			case []byte:
				return PlainText(string(v)), nil
			default:
				return "", nil
			}
		})
}

var (
	markupRe = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`)
	spaceRe  = regexp.MustCompile(`\s+`)
)

// PlainText turns sanitized HTML into its words: tags become spaces (so
// "</p><p>" still separates words), entities are decoded, runs of space
// collapse, and control characters are dropped, so that the markers search
// snippets use to highlight words can never come from the text itself.
func PlainText(h string) string {
	s := html.UnescapeString(markupRe.ReplaceAllString(h, " "))
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(spaceRe.ReplaceAllString(s, " "))
}
