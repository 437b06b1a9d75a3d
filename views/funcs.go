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
