// Package wordpress imports a WordPress export (WXR, "WordPress eXtended
// RSS", written by Tools → Export) into the news site: authors, sections,
// tags, articles, comments, pictures and the old addresses that redirect.
package wordpress

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// Site is what the export says about the WordPress site it came from.
type Site struct {
	Title       string
	Link        string
	BaseSiteURL string // wp:base_site_url: with the WordPress ids, what identifies an item
	BaseBlogURL string
	WXRVersion  string
}

// Author is one wp:author: a WordPress user who wrote something.
type Author struct {
	ID          int64  `xml:"author_id"`
	Login       string `xml:"author_login"`
	Email       string `xml:"author_email"`
	DisplayName string `xml:"author_display_name"`
	FirstName   string `xml:"author_first_name"`
	LastName    string `xml:"author_last_name"`
}

// Category is one wp:category; Parent is the parent's slug (nicename).
type Category struct {
	TermID      int64  `xml:"term_id"`
	Slug        string `xml:"category_nicename"`
	Parent      string `xml:"category_parent"`
	Name        string `xml:"cat_name"`
	Description string `xml:"category_description"`
}

// Tag is one wp:tag.
type Tag struct {
	TermID      int64  `xml:"term_id"`
	Slug        string `xml:"tag_slug"`
	Name        string `xml:"tag_name"`
	Description string `xml:"tag_description"`
}

// Term is an item's category or tag: <category domain="post_tag" nicename="x">X</category>.
type Term struct {
	Domain string `xml:"domain,attr"`
	Slug   string `xml:"nicename,attr"`
	Name   string `xml:",chardata"`
}

// Meta is one wp:postmeta.
type Meta struct {
	Key   string `xml:"meta_key"`
	Value string `xml:"meta_value"`
}

// Comment is one wp:comment of an item.
type Comment struct {
	ID          int64  `xml:"comment_id"`
	Author      string `xml:"comment_author"`
	AuthorEmail string `xml:"comment_author_email"`
	AuthorURL   string `xml:"comment_author_url"`
	AuthorIP    string `xml:"comment_author_IP"`
	Date        string `xml:"comment_date"`
	DateGMT     string `xml:"comment_date_gmt"`
	Content     string `xml:"comment_content"`
	Approved    string `xml:"comment_approved"` // 1, 0, spam, trash
	Type        string `xml:"comment_type"`     // comment (or empty), pingback, trackback
	Parent      int64  `xml:"comment_parent"`
	UserID      int64  `xml:"comment_user_id"`
}

// encoded is content:encoded or excerpt:encoded: the same local name in
// two namespaces, told apart by the namespace.
type encoded struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
}

// Item is one post, page, attachment or other post type.
type Item struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	PubDate       string    `xml:"pubDate"`
	Creator       string    `xml:"creator"`
	GUID          string    `xml:"guid"`
	Encoded       []encoded `xml:"encoded"`
	PostID        int64     `xml:"post_id"`
	PostDate      string    `xml:"post_date"`
	PostDateGMT   string    `xml:"post_date_gmt"`
	Modified      string    `xml:"post_modified"`
	ModifiedGMT   string    `xml:"post_modified_gmt"`
	CommentStatus string    `xml:"comment_status"`
	Slug          string    `xml:"post_name"`
	Status        string    `xml:"status"`
	Parent        int64     `xml:"post_parent"`
	MenuOrder     int       `xml:"menu_order"`
	Type          string    `xml:"post_type"`
	Password      string    `xml:"post_password"`
	Sticky        int       `xml:"is_sticky"`
	AttachmentURL string    `xml:"attachment_url"`
	Terms         []Term    `xml:"category"`
	Meta          []Meta    `xml:"postmeta"`
	Comments      []Comment `xml:"comment"`
}

// Content is the item's content:encoded.
func (it *Item) Content() string { return it.encodedText(false) }

// Excerpt is the item's excerpt:encoded.
func (it *Item) Excerpt() string { return it.encodedText(true) }

func (it *Item) encodedText(excerpt bool) string {
	for _, e := range it.Encoded {
		if strings.Contains(e.XMLName.Space, "excerpt") == excerpt {
			return e.Text
		}
	}
	return ""
}

// MetaValue returns the value of the first postmeta with key, or "".
func (it *Item) MetaValue(key string) string {
	for _, m := range it.Meta {
		if m.Key == key {
			return m.Value
		}
	}
	return ""
}

// Reader reads an export one record at a time: the XML is decoded token by
// token and only the element being returned is ever held in memory, so an
// export of any size streams through.
type Reader struct {
	dec  *xml.Decoder
	site Site
	// depth is how deep the decoder is: 1 inside rss, 2 inside channel.
	depth int
}

// NewReader reads an export from r. Any declared encoding is converted to
// UTF-8; control characters that XML forbids (WordPress lets them into
// posts) are read as spaces instead of stopping the import.
func NewReader(r io.Reader) *Reader {
	dec := xml.NewDecoder(&xmlCleaner{r: r})
	dec.CharsetReader = charset.NewReaderLabel
	dec.Entity = xml.HTMLEntity
	return &Reader{dec: dec}
}

// Site is what the channel said about the site so far; complete once Next
// has returned the first author, term or item (WordPress writes the site
// first).
func (r *Reader) Site() Site { return r.site }

// Next returns the next record, one of *Author, *Category, *Tag or *Item,
// or io.EOF at the end of the export. Elements it does not know (wp:term,
// generator, anything a plugin adds) are skipped whole.
func (r *Reader) Next() (any, error) {
	for {
		tok, err := r.dec.Token()
		if errors.Is(err, io.EOF) {
			if r.depth > 0 {
				return nil, fmt.Errorf("wordpress: export ends early: %w", io.ErrUnexpectedEOF)
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("wordpress: read export: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			rec, err := r.start(t)
			if rec != nil || err != nil {
				return rec, err
			}
		case xml.EndElement:
			r.depth--
		}
	}
}

// start handles one opening tag: rss and channel are entered, the records
// and site fields inside channel are decoded whole, anything else skipped.
func (r *Reader) start(t xml.StartElement) (any, error) {
	switch {
	case r.depth == 0 && t.Name.Local == "rss", r.depth == 1 && t.Name.Local == "channel":
		r.depth++
		return nil, nil
	case r.depth != 2:
		if r.depth == 0 {
			return nil, fmt.Errorf("wordpress: not a WordPress export: starts with <%s>, not <rss>", t.Name.Local)
		}
		return nil, r.skip()
	}
	var rec any
	switch t.Name.Local {
	case "item":
		rec = new(Item)
	case "author":
		rec = new(Author)
	case "category":
		rec = new(Category)
	case "tag":
		rec = new(Tag)
	case "title", "link", "base_site_url", "base_blog_url", "wxr_version":
		var s string
		if err := r.dec.DecodeElement(&s, &t); err != nil {
			return nil, fmt.Errorf("wordpress: read <%s>: %w", t.Name.Local, err)
		}
		r.setSite(t.Name.Local, strings.TrimSpace(s))
		return nil, nil
	default:
		return nil, r.skip()
	}
	if err := r.dec.DecodeElement(rec, &t); err != nil {
		return nil, fmt.Errorf("wordpress: read <%s>: %w", t.Name.Local, err)
	}
	return rec, nil
}

func (r *Reader) skip() error {
	if err := r.dec.Skip(); err != nil {
		return fmt.Errorf("wordpress: read export: %w", err)
	}
	return nil
}

func (r *Reader) setSite(name, v string) {
	switch name {
	case "title":
		r.site.Title = v
	case "link":
		r.site.Link = v
	case "base_site_url":
		r.site.BaseSiteURL = v
	case "base_blog_url":
		r.site.BaseBlogURL = v
	case "wxr_version":
		r.site.WXRVersion = v
	}
}

// xmlCleaner turns the control characters XML 1.0 forbids into spaces.
// They are single bytes that never occur inside a multi-byte UTF-8
// sequence, so bytes can be replaced one by one.
type xmlCleaner struct{ r io.Reader }

func (c *xmlCleaner) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; i++ {
		if b := p[i]; b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			p[i] = ' '
		}
	}
	return n, err
}
