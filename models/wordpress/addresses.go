package wordpress

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/newsroom/news/models"
)

// sitePath is the path of an address on the old site, or "" for an
// address elsewhere. Relative paths ("/2025/03/x/") are the old site's.
func (ix *index) sitePath(raw string) (string, url.Values, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", nil, false
	}
	if u.Host != "" && !ix.isOldHost(u.Host) || u.Host == "" && !strings.HasPrefix(u.Path, "/") {
		return "", nil, false
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return "", nil, false
	}
	return u.Path, u.Query(), true
}

func (ix *index) isOldHost(host string) bool {
	for _, s := range []string{ix.site.BaseSiteURL, ix.site.BaseBlogURL, ix.site.Link} {
		if u, err := url.Parse(s); err == nil && u.Host != "" && strings.EqualFold(u.Host, host) {
			return true
		}
	}
	return false
}

// postPaths are the addresses WordPress answers for a post or page with
// the usual permalink settings: its own link, ?p= / ?page_id=, the plain
// slug, the date-based forms, the category-based form and /archives/ID.
func (ix *index) postPaths(p *postInfo) []string {
	id := strconv.FormatInt(p.ID, 10)
	out := []string{"/?p=" + id}
	if p.Type == "page" {
		out = append(out, "/?page_id="+id)
	}
	if path, q, ok := ix.sitePath(p.Link); ok {
		out = append(out, models.OldAddressKey(path, q))
	}
	out = append(out, "/archives/"+id)
	if p.Slug == "" {
		return out
	}
	out = append(out, "/"+p.Slug)
	if p.Type == "page" {
		return out
	}
	if !p.Date.IsZero() {
		y, m, d := p.Date.Format("2006"), p.Date.Format("01"), p.Date.Format("02")
		out = append(out, "/"+y+"/"+m+"/"+d+"/"+p.Slug, "/"+y+"/"+m+"/"+p.Slug, "/"+y+"/"+p.Slug)
	}
	for _, c := range p.Cats {
		out = append(out, "/"+ix.catPath(c)+"/"+p.Slug)
	}
	return out
}

// attachmentPaths are an attachment page's addresses: they lead to the
// article the picture belongs to.
func (ix *index) attachmentPaths(a *attachment) []string {
	id := strconv.FormatInt(a.ID, 10)
	out := []string{"/?attachment_id=" + id, "/?p=" + id}
	if path, q, ok := ix.sitePath(a.Link); ok {
		out = append(out, models.OldAddressKey(path, q))
	}
	if p := ix.posts[a.Parent]; p != nil && p.Slug != "" && a.Slug != "" {
		out = append(out, "/"+p.Slug+"/"+a.Slug)
	}
	return out
}

// indexAddresses fills byKey, so links in content can be matched to the
// post they point at whichever form they use.
func (ix *index) indexAddresses() {
	for _, p := range ix.posts {
		for _, k := range ix.postPaths(p) {
			ix.byKey[k] = p.ID
		}
	}
	for _, a := range ix.atts {
		if ix.posts[a.Parent] != nil {
			for _, k := range ix.attachmentPaths(a) {
				ix.byKey[k] = a.Parent
			}
		}
	}
}

// sectionPaths are a category's addresses and its feed's.
func (ix *index) sectionPaths(c *Category, kind string, id int64) []models.OldAddress {
	var out []models.OldAddress
	feed := "/feed"
	if kind == models.OldTag {
		feed = "" // tags have no feed here: the tag's page is the nearest
	}
	paths := []string{"/category/" + ix.catPath(c.Slug), "/category/" + c.Slug}
	for _, p := range paths {
		out = append(out, models.OldAddress{Path: p, Kind: kind, TargetID: id},
			models.OldAddress{Path: p + "/feed", Kind: kind, TargetID: id, Suffix: feed},
			models.OldAddress{Path: p + "/feed/atom", Kind: kind, TargetID: id, Suffix: feed})
	}
	out = append(out, models.OldAddress{Path: "/?cat=" + strconv.FormatInt(c.TermID, 10), Kind: kind, TargetID: id})
	return out
}

// siteFeeds are WordPress's feed addresses; they lead to the site's feed.
var siteFeeds = []models.OldAddress{
	{Path: "/feed", Kind: models.OldPath, Suffix: "/feed"},
	{Path: "/feed/rss2", Kind: models.OldPath, Suffix: "/feed"},
	{Path: "/feed/rss", Kind: models.OldPath, Suffix: "/feed"},
	{Path: "/rss", Kind: models.OldPath, Suffix: "/feed"},
	{Path: "/feed/atom", Kind: models.OldPath, Suffix: "/feed/atom"},
	{Path: "/comments/feed", Kind: models.OldPath, Suffix: "/feed"},
	{Path: "/?feed=rss2", Kind: models.OldPath, Suffix: "/feed"},
	{Path: "/?feed=atom", Kind: models.OldPath, Suffix: "/feed/atom"},
}
