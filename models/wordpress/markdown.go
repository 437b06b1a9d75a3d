package wordpress

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// converter turns one post's content into the article's Markdown. Images
// become the site's pictures, links to the old site the new addresses.
type converter struct {
	im      *importer
	item    string
	unknown map[string]bool // shortcodes kept as text
	dropped map[string]bool // elements removed (script, iframe ...)
	pending bool            // a link points at a post not imported yet
	err     error
}

// convert returns the Markdown of content and whether it links to posts
// imported after it. What it drops or keeps as text goes in the report.
func (im *importer) convert(content, item string) (string, bool, error) {
	c := &converter{im: im, item: item, unknown: map[string]bool{}, dropped: map[string]bool{}}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(c.toHTML(content)), body)
	if err != nil {
		return "", false, err
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	md := strings.Join(c.blocks(body), "\n\n") + "\n"
	if item != "" {
		for _, what := range []struct {
			set    map[string]bool
			reason string
		}{{c.unknown, "shortcodes kept as plain text: "}, {c.dropped, "removed from the text: "}} {
			if len(what.set) > 0 {
				names := make([]string, 0, len(what.set))
				for k := range what.set {
					names = append(names, "["+k+"]")
				}
				sort.Strings(names)
				im.rep.change("post", item, what.reason+strings.Join(names, ", "))
			}
		}
	}
	return md, c.pending, c.err
}

var dropped = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Object: true,
	atom.Embed: true, atom.Form: true, atom.Input: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Svg: true, atom.Math: true, atom.Template: true, atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true,
	atom.Frame: true, atom.Frameset: true, atom.Applet: true, atom.Base: true}

var blockAtoms = map[atom.Atom]bool{atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Hr: true, atom.Figure: true,
	atom.Pre: true, atom.Table: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Aside: true,
	atom.Header: true, atom.Footer: true, atom.Main: true, atom.Nav: true, atom.Dl: true, atom.Iframe: true,
	atom.Address: true, atom.Center: true, atom.Details: true, atom.Li: true, atom.Dt: true, atom.Dd: true}

func isBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && (blockAtoms[n.DataAtom] || dropped[n.DataAtom] || n.DataAtom == atom.Img && n.Parent != nil && n.Parent.DataAtom == atom.Figure)
}

// blocks renders the children of parent as Markdown blocks; runs of inline
// content between block elements become paragraphs.
func (c *converter) blocks(parent *html.Node) []string {
	var out []string
	var run strings.Builder
	flush := func() {
		if s := paragraph(run.String()); s != "" {
			out = append(out, s)
		}
		run.Reset()
	}
	for n := parent.FirstChild; n != nil; n = n.NextSibling {
		switch {
		case n.Type == html.ElementNode && n.DataAtom == atom.Cite && parent.DataAtom == atom.Blockquote:
			flush()
			out = append(out, "— "+strings.TrimSpace(c.inlines(n)))
		case isBlock(n):
			flush()
			out = append(out, c.block(n)...)
		default:
			run.WriteString(c.inline(n))
		}
	}
	flush()
	return out
}

func (c *converter) block(n *html.Node) []string {
	switch n.DataAtom {
	case atom.P, atom.Dt, atom.Dd, atom.Address:
		return nonEmpty(paragraph(c.inlines(n)))
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		text := strings.Join(strings.Fields(c.inlines(n)), " ")
		if text == "" {
			return nil
		}
		return []string{strings.Repeat("#", int(n.Data[1]-'0')) + " " + text}
	case atom.Ul, atom.Ol:
		return nonEmpty(c.list(n))
	case atom.Li:
		return nonEmpty(strings.Join(c.blocks(n), "\n\n"))
	case atom.Blockquote:
		inner := strings.Join(c.blocks(n), "\n\n")
		if inner == "" {
			return nil
		}
		return []string{prefixLines(inner, "> ", "> ")}
	case atom.Hr:
		return []string{"* * *"}
	case atom.Figure:
		return c.figure(n)
	case atom.Img:
		return nonEmpty(c.image(n, ""))
	case atom.Iframe:
		return nonEmpty(c.embed(attr(n, "src")))
	case atom.Pre:
		return []string{fence(textOf(n))}
	case atom.Table:
		return nonEmpty(c.table(n))
	}
	if dropped[n.DataAtom] {
		c.dropped[n.Data] = true
		return nil
	}
	return c.blocks(n)
}

func (c *converter) list(n *html.Node) string {
	var items []string
	i := 0
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode {
			continue
		}
		i++
		marker := "- "
		if n.DataAtom == atom.Ol {
			marker = strconv.Itoa(i) + ". "
		}
		text := strings.Join(c.blocks(li), "\n\n")
		if text == "" {
			continue
		}
		items = append(items, prefixLines(text, marker, strings.Repeat(" ", len(marker))))
	}
	return strings.Join(items, "\n")
}

// figure is an image (or a gallery of them) with its caption, an embed, or
// anything else a block may wrap in a figure (a table, a pull quote).
func (c *converter) figure(n *html.Node) []string {
	caption := ""
	var imgs []*html.Node
	var inner []*html.Node
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		switch {
		case k.DataAtom == atom.Figcaption:
			caption = strings.Join(strings.Fields(textOf(k)), " ")
		case k.Type == html.ElementNode && k.DataAtom != atom.Figure && hasClass(n, "wp-block-embed"):
			return nonEmpty(c.embed(strings.TrimSpace(textOf(k)) + firstIframe(k)))
		default:
			if img := findImg(k); img != nil && k.DataAtom != atom.Figure {
				imgs = append(imgs, img)
			} else {
				inner = append(inner, k)
			}
		}
	}
	var out []string
	for _, img := range imgs {
		out = append(out, nonEmpty(c.image(img, caption))...)
	}
	for _, k := range inner {
		if k.Type == html.ElementNode {
			out = append(out, c.block(k)...)
		}
	}
	if len(imgs) == 0 && caption != "" {
		out = append(out, "*"+escape(caption)+"*")
	}
	return out
}

var hostileURL = regexp.MustCompile(`(?i)^\s*(javascript|vbscript|data):`)

// embed is an embedded video or post as a link to it.
func (c *converter) embed(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || !strings.HasPrefix(u, "http") {
		if u != "" {
			c.dropped["iframe"] = true
		}
		return ""
	}
	return "[" + escape(u) + "](<" + u + ">)"
}

// image is the Markdown of a picture; a caption, when there is one, makes it
// a figure.
func (c *converter) image(n *html.Node, caption string) string {
	src := attr(n, "src")
	id := int64(0)
	for _, cl := range strings.Fields(attr(n, "class")) {
		if v, ok := strings.CutPrefix(cl, "wp-image-"); ok {
			id, _ = strconv.ParseInt(v, 10, 64)
		}
	}
	alt := strings.TrimSpace(attr(n, "alt"))
	m, width, ok, err := c.im.picture(src, id, alt, c.item)
	if err != nil && c.err == nil {
		c.err = err
	}
	if !ok {
		if strings.HasPrefix(src, "http") && !hostileURL.MatchString(src) {
			return "[" + escape(first(alt, caption, "Picture")) + "](<" + src + ">)"
		}
		return ""
	}
	if alt != "" {
		m.Alt = alt
	}
	if width == 0 || width > 1280 {
		width = 1280
	}
	m.Caption, m.Credit = caption, ""
	md := m.BodyMarkdown()
	return strings.Replace(md, m.URL(1280), m.URL(width), 1)
}

func (c *converter) table(n *html.Node) string {
	var rows [][]string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.DataAtom == atom.Tr {
				var row []string
				for td := k.FirstChild; td != nil; td = td.NextSibling {
					if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
						row = append(row, strings.ReplaceAll(strings.Join(strings.Fields(c.inlines(td)), " "), "|", `\|`))
					}
				}
				rows = append(rows, row)
			} else if k.Type == html.ElementNode {
				walk(k)
			}
		}
	}
	walk(n)
	if len(rows) == 0 {
		return ""
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	var b strings.Builder
	for i, r := range rows {
		for len(r) < cols {
			r = append(r, "")
		}
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			b.WriteString(strings.Repeat("| --- ", cols) + "|\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
