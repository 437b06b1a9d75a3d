package models

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// cleanText makes typed text safe to work on: valid UTF-8, newlines as
// "\n", no NUL or other control characters, no invisible characters that
// reverse the direction of the text around them.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case unicode.IsControl(r), isBidiControl(r):
			return -1
		}
		return r
	}, s)
}

// invisible reports whether r shows nothing by itself: space, format
// characters (zero-width spaces and joiners, soft hyphens, byte-order
// marks), variation selectors, Hangul fillers, the combining grapheme
// joiner, and noncharacters. Text made only of these is empty to a reader.
func invisible(r rune) bool {
	switch {
	case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
		return true
	case r == '\u034F', r == '\u115F', r == '\u1160', r == '\u3164', r == '\uFFA0', r == '\u2800':
		return true
	case r >= '\uFDD0' && r <= '\uFDEF', r&0xFFFE == 0xFFFE:
		return true
	}
	return false
}

func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// CleanName is a commenter's name as it is stored: cleaned like a comment,
// with every run of spaces and newlines made one space.
func CleanName(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}

var blankLines = regexp.MustCompile(`\n[ \t]*\n\s*`)

// paragraphs wraps each block of text between blank lines in a paragraph
// and turns the single newlines inside it into line breaks.
func paragraphs(s string) string {
	var b strings.Builder
	for _, p := range blankLines.Split(strings.TrimSpace(s), -1) {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(p, "\n", "<br>\n"))
		b.WriteString("</p>\n")
	}
	return b.String()
}

// shapeComment parses sanitized HTML the way a browser would, which closes
// every tag a commenter left open, then turns plain web addresses into
// links, gives every link the site's rel and drops empty paragraphs. It
// returns the HTML again and how many links it holds.
func shapeComment(s string) (string, int) {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return "", 0 // only a failing reader errs, and a strings.Reader does not
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	links := shapeNodes(body, false)
	var b strings.Builder
	for n := body.FirstChild; n != nil; n = n.NextSibling {
		if err := html.Render(&b, n); err != nil {
			return "", 0
		}
	}
	return strings.TrimSpace(b.String()), links
}

// shapeNodes works through the children of parent; inLink is set inside
// links and code, where addresses stay text.
func shapeNodes(parent *html.Node, inLink bool) int {
	links := 0
	for n := parent.FirstChild; n != nil; {
		next := n.NextSibling
		switch n.Type {
		case html.TextNode:
			if !inLink {
				links += linkifyText(parent, n)
			}
		case html.ElementNode:
			switch n.DataAtom {
			case atom.A:
				links++
				setAttr(n, "rel", commentLinkRel)
				shapeNodes(n, true)
			case atom.Code:
				links += shapeNodes(n, true)
			default:
				links += shapeNodes(n, inLink)
			}
			if n.DataAtom != atom.Br && isEmpty(n) {
				parent.RemoveChild(n)
			}
		}
		n = next
	}
	return links
}

func isEmpty(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode || strings.TrimSpace(c.Data) != "" {
			return false
		}
	}
	return true
}

func setAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

var plainURL = regexp.MustCompile(`(?i)\bhttps?://[^\s<>"'\x60]+`)

// linkifyText replaces text node t with text and links for every web
// address in it, returning how many it made.
func linkifyText(parent, t *html.Node) int {
	text := t.Data
	locs := plainURL.FindAllStringIndex(text, -1)
	made, last := 0, 0
	for _, loc := range locs {
		raw := trimURL(text[loc[0]:loc[1]])
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			continue
		}
		if loc[0] > last {
			parent.InsertBefore(&html.Node{Type: html.TextNode, Data: text[last:loc[0]]}, t)
		}
		a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{
			{Key: "href", Val: raw}, {Key: "rel", Val: commentLinkRel}}}
		a.AppendChild(&html.Node{Type: html.TextNode, Data: raw})
		parent.InsertBefore(a, t)
		last = loc[0] + len(raw)
		made++
	}
	if made > 0 {
		t.Data = text[last:]
		if t.Data == "" {
			parent.RemoveChild(t)
		}
	}
	return made
}

// trimURL leaves out punctuation that ends the sentence rather than the
// address, and a closing bracket that has no opening one in the address.
func trimURL(s string) string {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch {
		case strings.ContainsRune(".,;:!?*", r):
		case r == ')' && strings.Count(s, "(") < strings.Count(s, ")"):
		case r == ']' && strings.Count(s, "[") < strings.Count(s, "]"):
		default:
			return s
		}
		s = s[:len(s)-size]
	}
	return s
}
