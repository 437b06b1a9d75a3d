package wordpress

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsroom/news/models"
)

// inlines renders the children of n as inline Markdown.
func (c *converter) inlines(n *html.Node) string {
	var b strings.Builder
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		b.WriteString(c.inline(k))
	}
	return b.String()
}

func (c *converter) inline(n *html.Node) string {
	switch n.Type {
	case html.TextNode:
		return escape(n.Data)
	case html.ElementNode:
	default:
		return "" // comments: <!-- wp:... -->, <!--more-->
	}
	if dropped[n.DataAtom] || n.DataAtom == atom.Iframe {
		c.dropped[n.Data] = true
		return ""
	}
	switch n.DataAtom {
	case atom.Br:
		return "\\\n"
	case atom.Img:
		return c.image(n, "")
	case atom.A:
		return c.anchor(n)
	case atom.Strong, atom.B:
		return wrap(c.inlines(n), "**")
	case atom.Em, atom.I, atom.Cite:
		return wrap(c.inlines(n), "*")
	case atom.Del, atom.S, atom.Strike:
		return wrap(c.inlines(n), "~~")
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		t := strings.Join(strings.Fields(textOf(n)), " ")
		if t == "" {
			return ""
		}
		tick := "`"
		for strings.Contains(t, tick) {
			tick += "`"
		}
		return tick + " " + t + " " + tick
	case atom.Q:
		return "“" + c.inlines(n) + "”"
	}
	if isBlock(n) {
		return " " + strings.Join(c.blocks(n), " ") + " "
	}
	return c.inlines(n)
}

// anchor is a link; one to the old site points at the new address.
func (c *converter) anchor(n *html.Node) string {
	text := c.inlines(n)
	href := strings.TrimSpace(attr(n, "href"))
	if href == "" || hostileURL.MatchString(href) || strings.HasPrefix(href, "#") {
		return text
	}
	if strings.TrimSpace(text) == "" {
		return text
	}
	if strings.Contains(text, "](") && strings.HasPrefix(strings.TrimSpace(text), "![") {
		return text // a picture linked to its file or attachment page: the picture is enough
	}
	return "[" + text + "](<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(c.rewrite(href)) + ">)"
}

// rewrite points an address on the old site at what it became here: an
// imported post's article, a picture, a section, a tag or an author.
// Addresses elsewhere, and old ones that lead nowhere here, are kept.
func (c *converter) rewrite(href string) string {
	path, q, ok := c.im.ix.sitePath(href)
	if !ok {
		return href
	}
	frag := ""
	if u, err := url.Parse(href); err == nil && u.Fragment != "" {
		frag = "#" + u.Fragment
	}
	if rel := uploadPath(href); rel != "" {
		m, width, ok, err := c.im.picture(href, 0, "", c.item)
		if err != nil && c.err == nil {
			c.err = err
		}
		if ok {
			if width == 0 {
				width = m.Width
			}
			return m.URL(width)
		}
		return href
	}
	key := models.OldAddressKey(path, q)
	if id, ok := c.im.ix.byKey[key]; ok {
		if u, done := c.im.urls[id]; done {
			return u + frag
		}
		if p := c.im.ix.posts[id]; p != nil && p.Type == "post" {
			c.pending = true
		}
		return href
	}
	if u, ok := c.im.termURL(key); ok {
		return u + frag
	}
	return href
}

// termURL is the new address of an old section, tag or author page.
func (im *importer) termURL(key string) (string, bool) {
	if rest, ok := strings.CutPrefix(key, "/category/"); ok {
		slug := rest[strings.LastIndex(rest, "/")+1:]
		if s, ok := im.sections[slug]; ok {
			return s.URL(), true
		}
		if c := im.ix.cats[slug]; c != nil {
			return "/tag/" + models.Slugify(c.Name), true
		}
	}
	if rest, ok := strings.CutPrefix(key, "/tag/"); ok && !strings.Contains(rest, "/") {
		for _, t := range im.ix.tags {
			if t.Slug == rest {
				return "/tag/" + models.Slugify(t.Name), true
			}
		}
	}
	return "", false
}

func wrap(s, mark string) string {
	t := strings.TrimSpace(s)
	if t == "" {
		return s
	}
	lead := s[:len(s)-len(strings.TrimLeft(s, " \t\n"))]
	trail := s[len(strings.TrimRight(s, " \t\n")):]
	return lead + mark + t + mark + trail
}

var (
	mdSpecial = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
		`<`, `\<`, `>`, `\>`, `~`, `\~`, `|`, `\|`, `&`, `\&`, `#`, `\#`, `!`, `\!`)
	spaces    = regexp.MustCompile(`[ \t\r\n]+`)
	lineStart = regexp.MustCompile(`(?m)^(\s*)([-+=]|\d+[.)])(\s|$)`)
)

// escape makes text stay text in Markdown.
func escape(s string) string { return mdSpecial.Replace(spaces.ReplaceAllString(s, " ")) }

// paragraph tidies a run of inline Markdown: spaces collapsed, no line
// starting with what Markdown would read as a list or a heading.
func paragraph(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(spaces.ReplaceAllString(l, " "))
		lines[i] = lineStart.ReplaceAllStringFunc(l, func(m string) string {
			j := strings.IndexAny(m, "-+=.)")
			return m[:j] + `\` + m[j:]
		})
	}
	out := strings.TrimSpace(strings.Join(lines, "\n"))
	out = strings.TrimSuffix(out, "\\")
	return strings.TrimSpace(out)
}

func prefixLines(s, first, rest string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if l == "" {
			lines[i] = strings.TrimRight(p, " ")
		} else {
			lines[i] = p + l
		}
	}
	return strings.Join(lines, "\n")
}

func fence(s string) string {
	f := "```"
	for strings.Contains(s, f) {
		f += "`"
	}
	return f + "\n" + strings.Trim(s, "\n") + "\n" + f
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && dropped[k.DataAtom] {
			continue
		}
		b.WriteString(textOf(k))
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// findImg is n when it is an image, else the first image inside it.
func findImg(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Img {
		return n
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if img := findImg(k); img != nil {
			return img
		}
	}
	return nil
}

// firstIframe is the address of the first frame inside n, for an embed
// whose wrapper holds a frame rather than the address.
func firstIframe(n *html.Node) string {
	if n.DataAtom == atom.Iframe {
		return attr(n, "src")
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if s := firstIframe(k); s != "" {
			return s
		}
	}
	return ""
}

func nonEmpty(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []string{s}
}

var tagRe = regexp.MustCompile(`<[^>]*>`)
