package models

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"
)

// soleImageRe is a paragraph holding one library image and nothing else,
// as goldmark writes ![alt](/media/12/1280.jpg "Caption · Credit").
var soleImageRe = regexp.MustCompile(`<p><img src="/media/([0-9]{1,18})/[0-9]+\.(?:jpg|png)" alt="([^"]*)"(?: title="([^"]*)")? ?/?></p>`)

// figureSizes is the sizes attribute of a picture in the text: the
// article column is at most 810 px wide.
const figureSizes = "(max-width: 900px) calc(100vw - 2rem), 810px"

// mediaLookup finds a library image by id.
type mediaLookup func(id int64) (Media, bool)

// figures turns each paragraph that holds only a library image into a
// figure with srcset, sizes, width, height, lazy loading and a visible
// caption and credit. The title written in the text ("Caption · Credit")
// wins over the library's own caption and credit.
func figures(h string, lookup mediaLookup) string {
	return soleImageRe.ReplaceAllStringFunc(h, func(p string) string {
		sub := soleImageRe.FindStringSubmatch(p)
		id, _ := strconv.ParseInt(sub[1], 10, 64)
		m, ok := lookup(id)
		if !ok {
			return p
		}
		caption, credit := m.Caption, m.Credit
		if title := html.UnescapeString(sub[3]); title != "" {
			caption, credit, _ = strings.Cut(title, " · ")
		}
		var b strings.Builder
		b.WriteString(`<figure class="body-figure`)
		if m.Height > m.Width {
			b.WriteString(` portrait`)
		}
		fmt.Fprintf(&b, `"><img src="%s" srcset="%s" sizes="%s" width="%d" height="%d" alt="%s" loading="lazy" decoding="async">`,
			m.URL(960), m.Srcset(), figureSizes, m.Width, m.Height, sub[2])
		if caption != "" || credit != "" {
			b.WriteString(`<figcaption>` + html.EscapeString(caption))
			if credit != "" {
				b.WriteString(` <span class="credit">` + html.EscapeString(credit) + `</span>`)
			}
			b.WriteString(`</figcaption>`)
		}
		b.WriteString(`</figure>`)
		return b.String()
	})
}

// renderBody renders an article's or a page's Markdown with its library
// pictures as figures, reading their sizes, captions and credits from the
// library through q.
func renderBody(ctx context.Context, q rowsQueryer, md string) (template.HTML, error) {
	found := map[int64]Media{}
	var ids []int64
	for _, m := range bodyImageRe.FindAllStringSubmatch(md, 200) {
		id, err := strconv.ParseInt(m[1], 10, 64)
		if err == nil && !containsID(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) > 0 {
		in, args := inList(ids)
		rows, err := q.QueryContext(ctx, `SELECT id, width, height, format, alt, caption, credit FROM media WHERE id IN (`+in+`)`, args...)
		if err != nil {
			return "", fmt.Errorf("models: pictures of the text: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var m Media
			if err := rows.Scan(&m.ID, &m.Width, &m.Height, &m.Format, &m.Alt, &m.Caption, &m.Credit); err != nil {
				return "", fmt.Errorf("models: scan picture: %w", err)
			}
			found[m.ID] = m
		}
		if err := rows.Err(); err != nil {
			return "", err
		}
	}
	return renderMarkdownWith(md, func(id int64) (Media, bool) { m, ok := found[id]; return m, ok })
}

func containsID(ids []int64, id int64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

// Render renders Markdown as a saved article's text would be, pictures as
// figures: for the preview.
func (s *ArticleStore) Render(ctx context.Context, md string) (template.HTML, error) {
	return renderBody(ctx, s.db, md)
}
