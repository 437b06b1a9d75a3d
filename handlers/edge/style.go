// Package edge speaks to the cache in front of the site (Varnish, Fastly,
// Cloudflare): the header reader pages carry their cache tags in, and the
// purge requests sent for the tags a committed write changed.
package edge

import (
	_ "embed"
	"fmt"
	"strings"
)

// Style is the kind of cache in front, which decides the tag header and
// the shape of purge requests.
type Style string

// The styles the site speaks.
const (
	Varnish    Style = "varnish"
	Fastly     Style = "fastly"
	Cloudflare Style = "cloudflare"
)

// ParseStyle reads a --purge-style value; empty is Fastly, the default.
func ParseStyle(s string) (Style, error) {
	switch st := Style(strings.ToLower(strings.TrimSpace(s))); st {
	case "":
		return Fastly, nil
	case Varnish, Fastly, Cloudflare:
		return st, nil
	}
	return "", fmt.Errorf("unknown purge style %q (varnish, fastly or cloudflare)", s)
}

// TagHeader is the response header that carries a page's tags.
func (s Style) TagHeader() string {
	switch s {
	case Varnish:
		return "xkey"
	case Cloudflare:
		return "Cache-Tag"
	}
	return "Surrogate-Key"
}

// JoinTags writes tags the way the style's header lists them: Cloudflare
// separates them with commas, the others with spaces.
func (s Style) JoinTags(tags []string) string {
	if s == Cloudflare {
		return strings.Join(tags, ",")
	}
	return strings.Join(tags, " ")
}

// batchSize is how many tags one purge request names.
func (s Style) batchSize() int {
	switch s {
	case Cloudflare:
		return 30 // the API's limit per call
	case Fastly:
		return 256
	}
	return 100
}

// VCL is the Varnish configuration the site ships (varnish.vcl): it caches
// reader pages, purges by xkey from the site's purge requests, and passes
// the newsroom, POSTs and the streaming group.
//
//go:embed varnish.vcl
var VCL string
