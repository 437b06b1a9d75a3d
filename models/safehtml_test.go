package models

import (
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// forbiddenElements must never appear in sanitized output.
var forbiddenElements = map[string]bool{
	"script": true, "iframe": true, "object": true, "embed": true, "form": true, "style": true,
	"base": true, "meta": true, "link": true, "svg": true, "math": true, "input": true, "textarea": true,
	"button": true, "frame": true, "frameset": true, "applet": true, "template": true,
}

// unsafeHTML parses sanitized HTML as a browser would and reports the first
// thing in it that could run script or restyle the page, or "" when none.
func unsafeHTML(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			if forbiddenElements[tok.Data] {
				return "element " + tok.Data
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") || key == "style" || key == "formaction" || key == "srcdoc" {
					return "attribute " + key
				}
				if key == "href" || key == "src" || key == "action" || key == "xlink:href" || key == "srcset" {
					if bad := unsafeURL(a.Val); bad != "" {
						return fmt.Sprintf("%s=%q (%s)", key, a.Val, bad)
					}
				}
			}
		}
	}
}

func unsafeURL(v string) string {
	v = strings.TrimSpace(v)
	u, err := url.Parse(v)
	if err != nil {
		return "unparseable URL"
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
		return ""
	}
	return "scheme " + u.Scheme
}
