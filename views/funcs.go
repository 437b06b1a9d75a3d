package views

import (
	"html/template"
	"strconv"
	"time"
)

// Funcs returns the template functions: small, pure helpers.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"isoTime": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		// zoneTime keeps the time's own zone (the site's), for <time datetime>.
		"zoneTime": func(t time.Time) string { return t.Format(time.RFC3339) },
		"plural":   Plural,
		"pageURL":  PageURL,
		"add":      func(a, b int) int { return a + b },
		"when":     When,
		"sub":      func(a, b int) int { return a - b },
	}
}

// Plural writes "1 comment", "3 comments".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// PageURL is base with ?page=n, leaving page 1 at the bare address.
func PageURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "?page=" + strconv.Itoa(n)
}

// When writes a moment as readers of a paper expect it, with the site's
// time zone: "June 23, 2024 at 9:30 AM KST". t must already be in that zone.
func When(t time.Time) string { return t.Format("January 2, 2006 at 3:04 PM MST") }
