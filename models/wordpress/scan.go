package wordpress

import (
	"errors"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// index is what a first pass over the export learns, so that the second
// pass can import each item whatever order the file has them in: authors,
// terms, every attachment (small records) and the address of every post.
type index struct {
	site     Site
	authors  []*Author
	cats     map[string]*Category // by slug
	catOrder []string
	tags     []*Tag
	children map[string]bool // category slugs that are some category's parent
	primary  map[string]bool // category slugs that are some post's first category
	atts     map[int64]*attachment
	attFile  map[string]int64 // upload path (relative to uploads) → attachment
	posts    map[int64]*postInfo
	byKey    map[string]int64 // old address key → post (or page) id
	items    int
}

type attachment struct {
	ID, Parent                       int64
	Slug, Link, URL, File            string
	Alt, Caption, Title, Description string
	Sizes                            map[string]int // file name of a size WordPress made → its width
}

type postInfo struct {
	ID, Parent int64
	Type, Slug string
	Link       string
	Date       time.Time // post_date, the site's local time, as in date permalinks
	Cats       []string  // category slugs in export order
}

func newIndex() *index {
	return &index{cats: map[string]*Category{}, children: map[string]bool{}, primary: map[string]bool{},
		atts: map[int64]*attachment{}, attFile: map[string]int64{}, posts: map[int64]*postInfo{}, byKey: map[string]int64{}}
}

// scan reads the whole export once, keeping only the index.
func scan(r io.Reader) (*index, error) {
	ix := newIndex()
	wr := NewReader(r)
	for {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			ix.site = wr.Site()
			return ix, nil
		}
		if err != nil {
			return nil, err
		}
		switch v := rec.(type) {
		case *Author:
			ix.authors = append(ix.authors, v)
		case *Category:
			v.Slug = decodeSlug(v.Slug)
			v.Parent = decodeSlug(v.Parent)
			if _, seen := ix.cats[v.Slug]; !seen {
				ix.catOrder = append(ix.catOrder, v.Slug)
			}
			ix.cats[v.Slug] = v
			if v.Parent != "" {
				ix.children[v.Parent] = true
			}
		case *Tag:
			v.Slug = decodeSlug(v.Slug)
			ix.tags = append(ix.tags, v)
		case *Item:
			ix.items++
			ix.addItem(v)
		}
	}
}

func (ix *index) addItem(it *Item) {
	switch it.Type {
	case "attachment":
		a := &attachment{ID: it.PostID, Parent: it.Parent, Slug: decodeSlug(it.Slug), Link: it.Link, URL: it.AttachmentURL,
			File: it.MetaValue("_wp_attached_file"), Alt: it.MetaValue("_wp_attachment_image_alt"),
			Caption: it.Excerpt(), Title: it.Title, Description: it.Content(), Sizes: sizeFiles(it.MetaValue("_wp_attachment_metadata"))}
		if a.File == "" {
			a.File = uploadPath(a.URL)
		}
		ix.atts[a.ID] = a
		ix.attFile[a.File] = a.ID
		dir := a.File[:strings.LastIndex(a.File, "/")+1]
		for f := range a.Sizes {
			ix.attFile[dir+f] = a.ID
		}
	case "post", "page":
		p := &postInfo{ID: it.PostID, Parent: it.Parent, Type: it.Type, Slug: decodeSlug(it.Slug), Link: it.Link,
			Date: parseTime(it.PostDate)}
		for _, t := range it.Terms {
			if t.Domain == "category" {
				p.Cats = append(p.Cats, decodeSlug(t.Slug))
			}
		}
		if it.Type == "post" && len(p.Cats) > 0 && it.Status != "trash" {
			ix.primary[p.Cats[0]] = true
		}
		ix.posts[p.ID] = p
	}
}

// isSection reports whether a category becomes a section: any category
// that is not only a parent of others. A parent that no post has as its
// first category becomes a tag on its children's articles instead.
func (ix *index) isSection(slug string) bool { return !ix.children[slug] || ix.primary[slug] }

// catPath is a category's address path as WordPress writes it: its
// ancestors' slugs and its own, "world-news/asia".
func (ix *index) catPath(slug string) string {
	path := slug
	seen := map[string]bool{slug: true}
	for c := ix.cats[slug]; c != nil && c.Parent != "" && !seen[c.Parent]; c = ix.cats[c.Parent] {
		seen[c.Parent] = true
		path = c.Parent + "/" + path
	}
	return path
}

var sizeFileRe = regexp.MustCompile(`s:4:"file";s:\d+:"([^"]+)";s:5:"width";i:(\d+);`)

// sizeFiles reads the resized copies WordPress made from the serialized
// PHP array in _wp_attachment_metadata.
func sizeFiles(meta string) map[string]int {
	out := map[string]int{}
	for _, m := range sizeFileRe.FindAllStringSubmatch(meta, -1) {
		if !strings.Contains(m[1], "/") {
			out[m[1]], _ = strconv.Atoi(m[2])
		}
	}
	return out
}

// uploadPath is the part of an address after /wp-content/uploads/, or "".
func uploadPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	p := u.Path
	if dec, err := url.PathUnescape(u.EscapedPath()); err == nil {
		p = dec
	}
	const dir = "/wp-content/uploads/"
	i := strings.Index(p, dir)
	if i < 0 {
		return ""
	}
	return p[i+len(dir):]
}

// decodeSlug turns WordPress's percent-encoded slugs into text.
func decodeSlug(s string) string {
	if dec, err := url.PathUnescape(s); err == nil {
		return dec
	}
	return s
}

// parseTime reads WordPress's "2025-03-14 09:30:00"; the zero date it
// writes for "never" is the zero time.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.DateTime, strings.TrimSpace(s))
	if err != nil || t.Year() < 1971 {
		return time.Time{}
	}
	return t
}
