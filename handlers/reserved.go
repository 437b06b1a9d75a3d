package handlers

import (
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// plannedSegments are first path segments the site will use before any
// route answers them (the live-coverage pages), so no page can take them.
var plannedSegments = []string{"live"}

// reservedSegments lists the first path segments of every route in the
// table, so a page slug (a page lives at /<slug>) can never hide one of the
// site's own addresses.
func reservedSegments(routes []*echo.Route) []string {
	out := slices.Clone(plannedSegments)
	for _, r := range routes {
		seg, _, _ := strings.Cut(strings.TrimPrefix(r.Path, "/"), "/")
		if seg == "" || strings.ContainsAny(seg, ":*") {
			continue
		}
		out = append(out, seg)
		if s, ok := strings.CutSuffix(seg, ".xml"); ok {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
