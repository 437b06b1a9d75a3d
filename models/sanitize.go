package models

import (
	"bytes"
	"html"
	"html/template"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// This file is the only place that turns a string into template.HTML: what
// reaches a template as HTML has passed one of the policies below.

// articlePolicy allows what an editor's Markdown produces: headings, lists,
// tables, links, images, figures, quotes, code. No scripts, frames, forms,
// styles or event handlers.
var articlePolicy = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowElements("figure", "figcaption")
	p.AllowAttrs("loading", "sizes", "srcset", "decoding", "width", "height").OnElements("img")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^body-figure( portrait)?$`)).OnElements("figure")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^credit$`)).OnElements("span")
	// Any text is a fair alt text or title (bluemonday escapes it); the UGC
	// policy's narrow pattern dropped those with a quote mark or a "?".
	p.AllowAttrs("alt", "title").OnElements("img")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireNoFollowOnFullyQualifiedLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	return p
}()

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))

// RenderMarkdown turns an article's Markdown source into sanitized HTML.
// An image alone in its paragraph with a title (the caption, as the media
// library writes it) becomes a figure with that caption. The stores render
// with renderBody, which also knows the library pictures' sizes and makes
// them full figures (figure.go).
func RenderMarkdown(src string) (template.HTML, error) {
	return renderMarkdownWith(src, func(int64) (Media, bool) { return Media{}, false })
}

func renderMarkdownWith(src string, lookup mediaLookup) (template.HTML, error) {
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	out := captionedImage.ReplaceAllString(figures(buf.String(), lookup), `<figure><img src="$1" alt="$2"><figcaption>$3</figcaption></figure>`)
	return template.HTML(articlePolicy.Sanitize(out)), nil
}

// captionedImage is goldmark's rendering of a paragraph that holds only an
// image with a title; the attribute values are already escaped, so the
// title is safe as the caption's text.
var captionedImage = regexp.MustCompile(`<p><img src="([^"<>]*)" alt="([^"<>]*)" title="([^"<>]*)"></p>`)

// commentTags are the elements a comment may keep, besides the paragraphs
// and line breaks made from its newlines.
var commentTags = []string{"p", "br", "a", "b", "strong", "i", "em", "blockquote", "code", "q", "del"}

// commentLinkRel is the rel every link in a comment carries: search engines
// give it no weight, and the target page gets no handle on ours.
const commentLinkRel = "nofollow ugc noopener"

// commentPolicy is the first pass over what a commenter typed: only the
// comment elements, links only to absolute http, https and mailto addresses,
// no other attribute at all. bluemonday drops script and style elements with
// their content and every other element with its tags only.
var commentPolicy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(commentTags...)
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	return p
}()

// commentFinalPolicy checks the finished comment once more: the same rules,
// plus the one rel value the site adds itself.
var commentFinalPolicy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(commentTags...)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("rel").Matching(regexp.MustCompile(`^` + commentLinkRel + `$`)).OnElements("a")
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	return p
}()

// SanitizeComment turns the text of a comment, as typed, into the HTML that
// is stored and shown: paragraphs and line breaks from newlines, a little
// formatting, links (plain addresses become links too), every tag balanced
// and nothing else. It also returns how many links the comment holds.
func SanitizeComment(text string) (template.HTML, int) {
	first := commentPolicy.Sanitize(paragraphs(cleanText(text)))
	shaped, links := shapeComment(first)
	return template.HTML(commentFinalPolicy.Sanitize(shaped)), links
}

// trustedHTML marks HTML read back from the store as safe to render. Only
// columns written through RenderMarkdown or SanitizeComment are passed here.
func trustedHTML(s string) template.HTML { return template.HTML(s) }

var tagRe = regexp.MustCompile(`<[^>]*>`)

// PlainText strips tags from sanitized HTML, for descriptions and snippets.
func PlainText(h template.HTML) string {
	return html.UnescapeString(tagRe.ReplaceAllString(string(h), ""))
}

// HighlightSnippet turns a search snippet into HTML: the text is escaped,
// then only the match markers become <mark> and </mark>, always balanced,
// so nothing in an article's text can become markup.
func HighlightSnippet(s string) template.HTML {
	var b strings.Builder
	open := false
	for len(s) > 0 {
		i := strings.IndexAny(s, markOpen+markClose)
		if i < 0 {
			b.WriteString(html.EscapeString(s))
			break
		}
		b.WriteString(html.EscapeString(s[:i]))
		switch {
		case s[i:i+1] == markOpen && !open:
			b.WriteString("<mark>")
			open = true
		case s[i:i+1] == markClose && open:
			b.WriteString("</mark>")
			open = false
		}
		s = s[i+1:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// newsroomImages rewrites library image addresses to the newsroom's.
var newsroomImages = strings.NewReplacer(`src="/media/`, `src="/admin/media/`,
	`srcset="/media/`, `srcset="/admin/media/`, `, /media/`, `, /admin/media/`)

// NewsroomImages points the library images in h (already sanitized) at
// their newsroom addresses, which work before the pictures are public: for
// previews of articles not yet published.
func NewsroomImages(h template.HTML) template.HTML {
	return trustedHTML(newsroomImages.Replace(string(h)))
}
