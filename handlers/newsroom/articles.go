package newsroom

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// AdminArticlesPage is the newsroom's list of articles.
type AdminArticlesPage struct {
	Layout
	Filter     models.AdminFilter
	Rows       []ArticleRow
	Pager      models.Pager
	Tabs       []StatusTab
	Sections   []models.Category
	Authors    []models.User
	CanPublish bool // may publish, unpublish, empty the trash
}

// ArticleRow is one article in the list.
type ArticleRow struct {
	models.Article
	State string
}

// StatusTab is one status filter with its count.
type StatusTab struct {
	Status, Label string
	Count         int
	Current       bool
}

func (AdminArticlesPage) Template() string { return "admin_articles" }

// query is the list's filters as a query string, with page n.
func (p AdminArticlesPage) query(status string, n int) string {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" && val != "0" {
			v.Set(k, val)
		}
	}
	set("status", status)
	set("section", strconv.FormatInt(p.Filter.CategoryID, 10))
	set("author", strconv.FormatInt(p.Filter.AuthorID, 10))
	set("q", p.Filter.Query)
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	if len(v) == 0 {
		return "/admin/articles"
	}
	return "/admin/articles?" + v.Encode()
}

// PageURL is this list's page n.
func (p AdminArticlesPage) PageURL(n int) string { return p.query(p.Filter.Status, n) }

// TabURL is this list filtered by status instead.
func (p AdminArticlesPage) TabURL(status string) string { return p.query(status, 1) }

var articleTabs = []struct{ status, label string }{
	{"", "All"}, {models.StatusDraft, "Drafts"}, {models.StatusReview, "In review"},
	{models.StatusScheduled, "Scheduled"}, {models.StatusPublished, "Published"}, {models.StatusTrash, "Trash"},
}

// ArticleList lists articles with filters; authors see their own.
func (h *Handler) ArticleList(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	n, err := kit.PageParam(c)
	if err != nil {
		return err
	}
	f := models.AdminFilter{Status: c.QueryParam("status"), Query: strings.TrimSpace(c.QueryParam("q"))}
	f.CategoryID, _ = strconv.ParseInt(c.QueryParam("section"), 10, 64)
	f.AuthorID, _ = strconv.ParseInt(c.QueryParam("author"), 10, 64)
	if len(f.Query) > maxTitleLen {
		f.Query = f.Query[:maxTitleLen]
	}
	known := false
	for _, t := range articleTabs {
		known = known || t.status == f.Status
	}
	if !known {
		return echo.NewHTTPError(http.StatusBadRequest, "That status is not one the list knows.")
	}
	own := int64(0)
	if !May(u, OthersWork) {
		f.AuthorID, own = u.ID, u.ID
	}
	l, err := h.layout(c, "Articles", "articles")
	if err != nil {
		return err
	}
	p := AdminArticlesPage{Layout: l, Filter: f, CanPublish: May(u, Publish)}
	list, pager, err := h.Articles.ListAdmin(ctx, f, n)
	if err != nil {
		return err
	}
	now := h.Now()
	for _, a := range kit.InZone(list, l.Site.Location()) {
		p.Rows = append(p.Rows, ArticleRow{Article: a, State: a.State(now)})
	}
	p.Pager = pager
	counts, err := h.Articles.StatusCounts(ctx, own)
	if err != nil {
		return err
	}
	for _, t := range articleTabs {
		n := counts[t.status]
		if t.status == "" {
			n = counts[models.StatusDraft] + counts[models.StatusReview] + counts[models.StatusScheduled] + counts[models.StatusPublished]
		}
		p.Tabs = append(p.Tabs, StatusTab{Status: t.status, Label: t.label, Count: n, Current: t.status == f.Status})
	}
	if p.Sections, err = h.Categories.All(ctx); err != nil {
		return err
	}
	if May(u, OthersWork) {
		if p.Authors, err = h.Users.Bylines(ctx); err != nil {
			return err
		}
	}
	return h.render(c, http.StatusOK, p)
}

// ArticleBulk publishes, unpublishes or (after a confirmation) moves
// to the trash the ticked articles.
func (h *Handler) ArticleBulk(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	ids := kit.FormIDs(c)
	action := c.FormValue("action")
	back := c.FormValue("back")
	if !strings.HasPrefix(back, "/admin/articles") {
		back = "/admin/articles"
	}
	if len(ids) == 0 {
		h.addFlash(c, "Tick at least one article first.")
		return c.Redirect(http.StatusSeeOther, back)
	}
	var n int
	var err error
	switch action {
	case "publish", "unpublish":
		if !May(u, Publish) {
			return forbidden("Only editors can publish or unpublish articles.")
		}
		if action == "publish" {
			n, err = h.Articles.Publish(ctx, ids, editor(c, "published"))
		} else {
			n, err = h.Articles.Unpublish(ctx, ids, editor(c, "unpublished"))
		}
	case "trash":
		if ids, err = h.trashable(c, ids); err != nil {
			return err
		}
		if c.FormValue("confirm") != "yes" {
			return h.confirmTrash(c, ids, back)
		}
		n, err = h.Articles.Trash(ctx, ids, editor(c, "moved to the trash"))
	default:
		h.addFlash(c, "Choose what to do with the ticked articles.")
		return c.Redirect(http.StatusSeeOther, back)
	}
	if err != nil {
		return err
	}
	if n > 0 {
		verb := map[string]string{"publish": "published", "unpublish": "unpublished", "trash": "moved to the trash"}[action]
		h.audit(c, "article."+action, verb+" "+count(n, "article", "articles")+" at once "+idList(ids))
	}
	h.addFlash(c, bulkMessage(action, n))
	return c.Redirect(http.StatusSeeOther, back)
}

func bulkMessage(action string, n int) string {
	verb := map[string]string{"publish": "Published", "unpublish": "Unpublished", "trash": "Moved to the trash:"}[action]
	if n == 0 {
		return "Nothing changed: the ticked articles were already in that state."
	}
	return verb + " " + views.Plural(n, "article", "articles") + "."
}

// trashable checks the user may move ids to the trash: editors any,
// authors only their own articles that are not published.
func (h *Handler) trashable(c echo.Context, ids []int64) ([]int64, error) {
	u := currentUser(c)
	if May(u, OthersWork) {
		return ids, nil
	}
	list, err := h.Articles.ByIDs(c.Request().Context(), ids)
	if err != nil {
		return nil, err
	}
	if len(list) != len(ids) {
		return nil, echo.NewHTTPError(http.StatusNotFound)
	}
	for _, a := range list {
		if !mayChange(u, articleStake(a)) {
			return nil, forbidden("Authors can delete only articles they write or co-write.")
		}
		if a.Status == models.StatusPublished {
			return nil, forbidden("A published article can only be taken down by an editor.")
		}
	}
	return ids, nil
}

// confirmTrash asks before moving articles to the trash.
func (h *Handler) confirmTrash(c echo.Context, ids []int64, back string) error {
	list, err := h.Articles.ByIDs(c.Request().Context(), ids)
	if err != nil {
		return err
	}
	p := AdminConfirmPage{Heading: "Move to the trash?", Action: "/admin/articles/bulk", Button: "Move to the trash",
		Cancel: back, Message: "These articles will be taken off the site and kept in the trash until it is emptied.",
		Hidden: []HiddenField{{"action", "trash"}, {"confirm", "yes"}, {"back", back}}}
	for _, a := range list {
		p.Items = append(p.Items, a.Title)
		p.Hidden = append(p.Hidden, HiddenField{"id", strconv.FormatInt(a.ID, 10)})
	}
	return h.confirm(c, "articles", p)
}
