package wordpress

import (
	"errors"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/newsroom/news/models"
)

// page imports one WordPress page as a site page at /<slug>. A child page
// (about-us/our-team) becomes a page of its own at /our-team.
func (im *importer) page(it *Item) error {
	name := itemName(it)
	status := models.PageDraft
	switch it.Status {
	case "publish":
		status = models.PagePublished
	case "draft", "auto-draft", "pending", "future", "private":
		if it.Status != "draft" && it.Status != "auto-draft" {
			im.rep.change("page", name, strconv.Quote(it.Status)+" in WordPress: imported as a draft")
		}
	default:
		im.rep.skip("page", name, "its status is "+strconv.Quote(it.Status)+" (trashed pages are left behind)")
		return nil
	}
	if it.Password != "" && status == models.PagePublished {
		status = models.PageDraft
		im.rep.change("page", name, "password-protected in WordPress: imported as a draft")
	}
	body, pending, err := im.convert(it.Content(), name)
	if err != nil {
		return err
	}
	// Site pages have no lead picture: the featured image opens the text.
	lead, err := im.lead(it)
	if err != nil {
		return err
	}
	if lead.ID != 0 {
		body = im.leadInBody(it, body)
		im.rep.change("page", name, "site pages have no lead picture: its featured image opens the text")
	}
	title := strings.TrimSpace(html.UnescapeString(it.Title))
	if title == "" {
		title = "Untitled"
		im.rep.change("page", name, "no title: called "+strconv.Quote(title))
	}
	slug := im.slug(it, title)
	if slug == "post-"+strconv.FormatInt(it.PostID, 10) {
		slug = "page-" + strconv.FormatInt(it.PostID, 10)
	}
	if slices.Contains(im.opt.Reserved, slug) {
		im.rep.change("page", name, "“/"+slug+"” is one of the site's own addresses: the page is at /"+slug+"-page")
		slug += "-page"
	}
	in := models.ImportedPage{PageInput: models.PageInput{Title: title, Slug: slug, BodyMD: body, Status: status},
		Modified: gmt(it.ModifiedGMT, it.Modified)}
	if im.opt.DryRun {
		im.rep.count("pages " + status + ": created")
		im.urls[it.PostID] = "/" + slug
		return nil
	}
	p, outcome, err := im.store.ImportPage(im.ctx, im.key(models.ImportPage, it.PostID), in)
	for n := 2; errors.Is(err, models.ErrDuplicate) && n < 100; n++ {
		in.Slug = slug + "-" + strconv.Itoa(n)
		p, outcome, err = im.store.ImportPage(im.ctx, im.key(models.ImportPage, it.PostID), in)
		if err == nil {
			im.rep.change("page", name, "“/"+slug+"” is another page's address: the page is at /"+in.Slug)
		}
	}
	if err != nil {
		return err
	}
	im.rep.count("pages " + status + ": " + outcome)
	switch outcome {
	case models.ImportKept:
		im.rep.change("page", name, "changed in WordPress since the last import, but edited in the newsroom too: the newsroom's version is kept")
	case models.ImportGone:
		im.rep.change("page", name, "deleted in the newsroom since the last import: not brought back")
		return nil
	}
	im.urls[it.PostID] = p.URL()
	if pending && (outcome == models.ImportCreated || outcome == models.ImportUpdated) {
		im.pending = append(im.pending, it.PostID)
	}
	return im.pageAddresses(it, p)
}

// pageAddresses stores a page's old addresses: its link, ?page_id=, its
// slug and the path of its parents' slugs (/about-us/our-team/). The
// page's own new address is left out, so it never leads to itself.
func (im *importer) pageAddresses(it *Item, p models.SitePage) error {
	info := im.ix.posts[it.PostID]
	if info == nil {
		return nil
	}
	paths := im.ix.postPaths(info)
	if full := im.ix.pagePath(info); full != "" {
		paths = append(paths, full)
	}
	var list []models.OldAddress
	for _, path := range paths {
		if models.OldAddressKey(path, nil) != p.URL() {
			list = append(list, models.OldAddress{Path: path, Kind: models.OldPage, TargetID: p.ID})
		}
	}
	return im.addrs.Put(im.ctx, list)
}

// pagePath is a page's WordPress address made of its ancestors' slugs
// and its own: /about-us/our-team.
func (ix *index) pagePath(p *postInfo) string {
	if p.Slug == "" {
		return ""
	}
	path := "/" + p.Slug
	seen := map[int64]bool{p.ID: true}
	for q := ix.posts[p.Parent]; q != nil && q.Type == "page" && q.Slug != "" && !seen[q.ID]; q = ix.posts[q.Parent] {
		seen[q.ID] = true
		path = "/" + q.Slug + path
	}
	return path
}

// leadInBody puts the page's featured image, once imported, before its text.
func (im *importer) leadInBody(it *Item, body string) string {
	id, _ := strconv.ParseInt(it.MetaValue("_thumbnail_id"), 10, 64)
	if m, ok := im.media[id]; ok && m.ID != 0 {
		return "![" + m.Alt + "](" + m.URL(m.Width) + ")\n\n" + body
	}
	return body
}
