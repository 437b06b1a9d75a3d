package reader

import (
	"encoding/xml"
	"time"

	"github.com/newsroom/news/models"
)

// RSS 2.0 (https://www.rssboard.org/rss-specification) with the content,
// Dublin Core and Atom namespaces for the full text, the author's name,
// the time of the last change and the feed's own address.

type rssDoc struct {
	XMLName   xml.Name `xml:"rss"`
	Version   string   `xml:"version,attr"`
	NSAtom    string   `xml:"xmlns:atom,attr"`
	NSContent string   `xml:"xmlns:content,attr"`
	NSDC      string   `xml:"xmlns:dc,attr"`
	NSTerms   string   `xml:"xmlns:dcterms,attr"`
	NSMedia   string   `xml:"xmlns:media,attr"`
	Channel   rssChannel
}

type rssChannel struct {
	XMLName       xml.Name `xml:"channel"`
	Title         string   `xml:"title"`
	Link          string   `xml:"link"`
	Description   string   `xml:"description"`
	Language      string   `xml:"language"`
	LastBuildDate string   `xml:"lastBuildDate"`
	Self          rssAtomLink
	Items         []rssItem `xml:"item"`
}

type rssAtomLink struct {
	XMLName xml.Name `xml:"atom:link"`
	Href    string   `xml:"href,attr"`
	Rel     string   `xml:"rel,attr"`
	Type    string   `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	Description string   `xml:"description"`
	Content     cdata    `xml:"content:encoded"`
	Creator     string   `xml:"dc:creator"`
	Categories  []string `xml:"category"`
	PubDate     string   `xml:"pubDate"`
	Modified    string   `xml:"dcterms:modified"`
	Media       *rssMedia
}

// rssMedia is an item's lead picture (Media RSS, https://www.rssboard.org/media-rss).
type rssMedia struct {
	XMLName     xml.Name `xml:"media:content"`
	URL         string   `xml:"url,attr"`
	Type        string   `xml:"type,attr"`
	Medium      string   `xml:"medium,attr"`
	Width       int      `xml:"width,attr,omitempty"`
	Description string   `xml:"media:description,omitempty"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type cdata struct {
	Value string `xml:",cdata"`
}

func (h *Handler) rss(f feed) rssDoc {
	ch := rssChannel{
		Title: f.Title, Link: h.BaseURL + f.Path, Description: f.Description, Language: feedLanguage,
		LastBuildDate: f.Updated.UTC().Format(time.RFC1123Z),
		Self:          rssAtomLink{Href: h.BaseURL + f.SelfPath, Rel: "self", Type: "application/rss+xml"},
	}
	for _, a := range f.Articles {
		cats := []string{a.Category.Name}
		for _, t := range f.Tags[a.ID] {
			cats = append(cats, t.Name)
		}
		item := rssItem{
			Title: a.Title, Link: h.BaseURL + a.URL(),
			GUID:        rssGUID{IsPermaLink: "false", Value: h.tagURI(a)},
			Description: a.Summary, Content: cdata{h.feedPicture(a) + h.absoluteLinks(string(a.BodyHTML))}, Creator: a.BylineNames(),
			Categories: cats, PubDate: a.PublishedAt.UTC().Format(time.RFC1123Z),
			Modified: isoTime(later(a.PublishedAt, a.UpdatedAt)),
		}
		if m := a.Lead; m != nil {
			item.Media = &rssMedia{URL: h.BaseURL + m.URL(feedImageWidth), Type: feedImageType(m), Medium: "image",
				Width: min(feedImageWidth, m.Width), Description: m.Alt}
		}
		ch.Items = append(ch.Items, item)
	}
	return rssDoc{Version: "2.0", NSAtom: "http://www.w3.org/2005/Atom",
		NSContent: "http://purl.org/rss/1.0/modules/content/", NSDC: "http://purl.org/dc/elements/1.1/",
		NSTerms: "http://purl.org/dc/terms/", NSMedia: "http://search.yahoo.com/mrss/", Channel: ch}
}

// Atom (RFC 4287).

type atomDoc struct {
	XMLName  struct{}    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
	Content    atomText       `xml:"content"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

func (h *Handler) atom(f feed) atomDoc {
	doc := atomDoc{
		Lang: feedLanguage, ID: h.BaseURL + f.SelfPath, Title: f.Title, Subtitle: f.Description,
		Updated: isoTime(f.Updated),
		Links: []atomLink{
			{Href: h.BaseURL + f.SelfPath, Rel: "self", Type: "application/atom+xml"},
			{Href: h.BaseURL + f.Path, Rel: "alternate", Type: "text/html"},
		},
		Author: atomPerson{Name: f.Title, URI: h.BaseURL + "/"},
	}
	for _, a := range f.Articles {
		cats := []atomCategory{{Term: a.Category.Slug, Label: a.Category.Name}}
		for _, t := range f.Tags[a.ID] {
			cats = append(cats, atomCategory{Term: t.Slug, Label: t.Name})
		}
		links := []atomLink{{Href: h.BaseURL + a.URL(), Rel: "alternate", Type: "text/html"}}
		if m := a.Lead; m != nil {
			links = append(links, atomLink{Href: h.BaseURL + m.URL(feedImageWidth), Rel: "enclosure", Type: feedImageType(m)})
		}
		doc.Entries = append(doc.Entries, atomEntry{
			ID: h.tagURI(a), Title: a.Title,
			Links:     links,
			Published: isoTime(a.PublishedAt), Updated: isoTime(later(a.PublishedAt, a.UpdatedAt)),
			Authors:    h.atomAuthors(a),
			Categories: cats,
			Summary:    atomText{Type: "text", Value: a.Summary},
			Content:    atomText{Type: "html", Value: h.feedPicture(a) + h.absoluteLinks(string(a.BodyHTML))},
		})
	}
	return doc
}

// atomAuthors is one Atom author element per byline.
func (h *Handler) atomAuthors(a models.Article) []atomPerson {
	var out []atomPerson
	for _, u := range a.Bylines() {
		out = append(out, atomPerson{Name: u.Name, URI: h.BaseURL + u.URL()})
	}
	return out
}
