package wordpress

import (
	"html"
	"regexp"
	"strings"
)

// WordPress content arrives in two shapes: block markup (Gutenberg, HTML
// with <!-- wp:... --> comments) and classic content (HTML whose
// paragraphs are blank lines, with [shortcodes]). This file turns both
// into plain HTML; markdown.go turns that into the article's Markdown.

var (
	shortcodeOpen = regexp.MustCompile(`\[([a-z][a-z0-9_-]*)((?:\s[^\]]*)?)\]`)
	attrRe        = regexp.MustCompile(`([a-zA-Z_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))`)
	bareURLLine   = regexp.MustCompile(`(?m)^[ \t]*(https?://[^\s<>"]+)[ \t]*$`)
	blankLine     = regexp.MustCompile(`\n[ \t]*\n`)
	blockStart    = regexp.MustCompile(`(?i)^<(p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|hr|iframe|dl|section|address|form|!--)[\s>/]`)
)

// shortcodes replaces the shortcodes the site has an equivalent for:
// [caption] becomes a figure, [embed], [video] and [audio] links, [gallery]
// its pictures. Any other shortcode stays as text; its name is returned so
// the report can list it.
func (c *converter) shortcodes(s string) string {
	var b strings.Builder
	for {
		loc := shortcodeOpen.FindStringSubmatchIndex(s)
		if loc == nil {
			b.WriteString(s)
			return b.String()
		}
		name, attrs := s[loc[2]:loc[3]], s[loc[4]:loc[5]]
		b.WriteString(s[:loc[0]])
		rest := s[loc[1]:]
		inner, after, closed := "", rest, false
		if end := strings.Index(rest, "[/"+name+"]"); end >= 0 && !strings.HasSuffix(strings.TrimSpace(attrs), "/") {
			inner, after, closed = rest[:end], rest[end+len(name)+3:], true
		}
		if out, known := c.shortcode(name, parseAttrs(attrs), inner); known {
			b.WriteString(out)
			s = after
			continue
		}
		c.unknown[name] = true
		b.WriteString(s[loc[0]:loc[1]])
		if closed {
			b.WriteString(inner + "[/" + name + "]")
		}
		s = after
	}
}

func (c *converter) shortcode(name string, attrs map[string]string, inner string) (string, bool) {
	switch name {
	case "caption", "wp_caption":
		// [caption]<a><img></a> The caption text[/caption]
		i := strings.LastIndex(inner, ">")
		img, text := inner, attrs["caption"]
		if i >= 0 {
			img, text = inner[:i+1], first(strings.TrimSpace(inner[i+1:]), text)
		}
		return "\n\n<figure>" + img + "<figcaption>" + text + "</figcaption></figure>\n\n", true
	case "embed", "video", "audio":
		u := first(strings.TrimSpace(inner), attrs["src"], attrs["mp4"], attrs["mp3"])
		return "\n\n<p><a href=\"" + html.EscapeString(u) + "\">" + html.EscapeString(u) + "</a></p>\n\n", true
	case "gallery":
		var b strings.Builder
		for _, id := range strings.Split(attrs["ids"], ",") {
			id = strings.TrimSpace(id)
			b.WriteString(`<figure><img class="wp-image-` + html.EscapeString(id) + `" src=""></figure>`)
		}
		return "\n\n" + b.String() + "\n\n", true
	}
	return "", false
}

func parseAttrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range attrRe.FindAllStringSubmatch(s, -1) {
		out[strings.ToLower(m[1])] = m[2] + m[3] + m[4]
	}
	return out
}

// toHTML turns content as WordPress stores it into HTML: shortcodes
// replaced, a web address alone on its line (which WordPress embeds) made
// a link, and in classic content the blank-line paragraphs made <p>.
func (c *converter) toHTML(content string) string {
	content = strings.ReplaceAll(content, "\r\n", "\n")
	content = c.shortcodes(content)
	content = bareURLLine.ReplaceAllString(content, "<p><a href=\"$1\">$1</a></p>")
	if strings.Contains(content, "<!-- wp:") {
		return content
	}
	return autop(content)
}

// autop is WordPress's wpautop, simplified: text between blank lines is a
// paragraph, a single newline inside one a line break; blocks that are
// already HTML elements are left alone.
func autop(s string) string {
	var b strings.Builder
	for _, p := range blankLine.Split(s, -1) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if blockStart.MatchString(p) {
			b.WriteString(p + "\n\n")
			continue
		}
		b.WriteString("<p>" + strings.ReplaceAll(p, "\n", "<br>\n") + "</p>\n\n")
	}
	return b.String()
}
