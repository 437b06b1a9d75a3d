package wordpress

import (
	"html"
	"strconv"
	"strings"
	"time"

	"github.com/newsroom/news/models"
)

// articleStatus maps a WordPress post status to an article's; ok is false
// for a post that is not imported.
func articleStatus(it *Item) (status, label string, ok bool) {
	switch it.Status {
	case "publish":
		return models.StatusPublished, "published", true
	case "future":
		return models.StatusPublished, "scheduled", true
	case "pending":
		return models.StatusReview, "review", true
	case "draft", "auto-draft":
		return models.StatusDraft, "draft", true
	case "private":
		return models.StatusDraft, "draft", true
	}
	return "", "", false
}

// post imports one post with its pictures and comments.
func (im *importer) post(it *Item) error {
	name := itemName(it)
	status, label, ok := articleStatus(it)
	if !ok {
		im.rep.skip("post", name, "its status is "+strconv.Quote(it.Status)+" (trashed posts are left behind)")
		return nil
	}
	switch {
	case it.Status == "private":
		im.rep.change("post", name, "private in WordPress: imported as a draft")
	case it.Password != "" && status == models.StatusPublished:
		status, label = models.StatusDraft, "draft"
		im.rep.change("post", name, "password-protected in WordPress: imported as a draft")
	}
	section, tags, err := im.postTerms(it)
	if err != nil {
		return err
	}
	author, err := im.creator(it.Creator)
	if err != nil {
		return err
	}
	lead, err := im.lead(it)
	if err != nil {
		return err
	}
	body, pending, err := im.convert(it.Content(), name)
	if err != nil {
		return err
	}
	title := strings.TrimSpace(html.UnescapeString(it.Title))
	if title == "" {
		title = "Untitled"
		im.rep.change("post", name, "no title: called "+strconv.Quote(title))
	}
	created := gmt(it.PostDateGMT, it.PostDate)
	modified := gmt(it.ModifiedGMT, it.Modified)
	in := models.ImportedArticle{ArticleInput: models.ArticleInput{
		Title: title, Slug: im.slug(it, title), Summary: plainText(it.Excerpt()), BodyMD: body,
		CategoryID: section.ID, AuthorID: author, Status: status, Featured: it.Sticky == 1,
		CommentsOpen: it.CommentStatus == "open", UpdatedAt: modified, Tags: tags,
	}, CreatedAt: created, LeadMediaID: lead.ID, Modified: modified}
	if status == models.StatusPublished {
		in.PublishedAt = created
	}
	if in.UpdatedAt.IsZero() {
		in.UpdatedAt = created
	}
	if im.opt.DryRun {
		im.rep.count("articles " + label + ": created")
		im.urls[it.PostID] = "/" + section.Slug + "/" + in.Slug
		return im.comments(it, 0)
	}
	a, outcome, err := im.store.ImportArticle(im.ctx, im.key(models.ImportArticle, it.PostID), in)
	if err != nil {
		return err
	}
	im.rep.count("articles " + label + ": " + outcome)
	switch outcome {
	case models.ImportKept:
		im.rep.change("post", name, "changed in WordPress since the last import, but edited in the newsroom too: the newsroom's version is kept")
	case models.ImportGone:
		im.rep.change("post", name, "deleted in the newsroom since the last import: not brought back")
		return nil
	}
	im.urls[it.PostID] = "/" + section.Slug + "/" + a.Slug
	if pending && outcome == models.ImportCreated || pending && outcome == models.ImportUpdated {
		im.pending = append(im.pending, it.PostID)
	}
	if err := im.postAddresses(it, a.ID); err != nil {
		return err
	}
	return im.comments(it, a.ID)
}

// relink makes a post's body again, now that every post has its new
// address, and stores it.
func (im *importer) relink(it *Item) error {
	body, _, err := im.convert(it.Content(), "")
	if err != nil {
		return err
	}
	if it.Type == "page" {
		return im.store.SetImportedPageBody(im.ctx, im.key(models.ImportPage, it.PostID), im.leadInBody(it, body))
	}
	return im.store.SetImportedBody(im.ctx, im.key(models.ImportArticle, it.PostID), body)
}

// slug is the article's slug: WordPress's when it is one the site can use,
// else one made from the title, else post-ID.
func (im *importer) slug(it *Item, title string) string {
	s := decodeSlug(it.Slug)
	if models.ValidSlug(s) {
		return s
	}
	if s = models.Slugify(title); s != "article" {
		return s
	}
	return "post-" + strconv.FormatInt(it.PostID, 10)
}

// creator is the user of the login dc:creator names; an author the export
// does not list is made from the login.
func (im *importer) creator(login string) (int64, error) {
	if id, ok := im.users[login]; ok {
		return id, nil
	}
	if login == "" {
		login = "wordpress"
	}
	return im.author(&Author{ID: -int64(len(im.users) + 1), Login: login})
}

// postAddresses stores the old addresses of a post and of its attachment pages.
func (im *importer) postAddresses(it *Item, id int64) error {
	p := im.ix.posts[it.PostID]
	if p == nil {
		return nil
	}
	var list []models.OldAddress
	for _, path := range im.ix.postPaths(p) {
		list = append(list, models.OldAddress{Path: path, Kind: models.OldArticle, TargetID: id})
		if !strings.HasPrefix(path, "/?") {
			list = append(list, models.OldAddress{Path: path + "/feed", Kind: models.OldArticle, TargetID: id})
		}
	}
	for _, a := range im.ix.atts {
		if a.Parent == it.PostID {
			for _, path := range im.ix.attachmentPaths(a) {
				list = append(list, models.OldAddress{Path: path, Kind: models.OldArticle, TargetID: id})
			}
		}
	}
	return im.addrs.Put(im.ctx, list)
}

// gmt reads the GMT time, or the local one when WordPress wrote none (a
// draft's GMT date is all zeros).
func gmt(utc, local string) time.Time {
	if t := parseTime(utc); !t.IsZero() {
		return t
	}
	return parseTime(local)
}

// plainText is an excerpt as a summary: text without markup, one line.
func plainText(s string) string {
	s = tagRe.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}
