package newsroom

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// AdminAuditPage is one page of the audit log.
type AdminAuditPage struct {
	Layout
	Entries []models.AuditEntry
	Pager   models.Pager
	Action  string   // filter: entries whose action starts with this
	Actions []Option // filter choices
}

func (AdminAuditPage) Template() string { return "admin_audit" }

// auditFilters are the filter choices above the log.
var auditFilters = []Option{
	{"", "Everything"},
	{"sign-", "Sign-ins and sign-outs"},
	{"setting.", "Setting changes"},
	{"user.", "People and roles"},
	{"article.", "Articles"},
	{"comment.", "Comments"},
	{"section.", "Sections"},
	{"tag.", "Tags"},
	{"page.", "Pages"},
	{"media.", "Pictures"},
	{"backup.", "Backups"},
}

func (h *Handler) AuditShow(c echo.Context) error {
	page, err := models.ParsePage(c.QueryParam("page"))
	if errors.Is(err, models.ErrBadPage) {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	action := c.QueryParam("action")
	if len(action) > 40 {
		action = ""
	}
	entries, pager, err := h.Audit.List(c.Request().Context(), action, page)
	if err != nil {
		return err
	}
	l, err := h.layout(c, "Audit log", "audit")
	if err != nil {
		return err
	}
	loc := l.Site.Location()
	for i := range entries {
		entries[i].At = entries[i].At.In(loc)
	}
	return h.render(c, http.StatusOK, AdminAuditPage{Layout: l, Entries: entries, Pager: pager,
		Action: action, Actions: auditFilters})
}

// AdminDashboardPage is the newsroom's front page.
type AdminDashboardPage struct {
	Layout
	Counts models.DashboardCounts
	Queues models.DashboardLists
	// Recent is the latest activity in words: everything for admins, the
	// newsroom's work (articles, pages, comments, sections, tags,
	// pictures) for editors, nothing for authors.
	Recent []models.AuditEntry
	// Waiting are the newest comments waiting for moderation, for those
	// who moderate.
	Waiting []models.QueuedComment
	// The breaking-news banner, for editors: the one up (nil if none) and
	// the form that raises one; the articles covered live now.
	Banner      *models.Banner
	BannerForm  BannerForm
	BannerHours []int
	LiveNow     []models.Article
}

// recentActivity is how many entries and waiting comments the dashboard shows.
const recentActivity = 8

// editorActivity are the kinds of entry an editor sees on the dashboard.
var editorActivity = []string{"article.", "page.", "comment.", "section.", "tag.", "media."}

func (AdminDashboardPage) Template() string { return "admin_dashboard" }

func (h *Handler) Dashboard(c echo.Context) error {
	return h.renderDashboard(c, http.StatusOK, BannerForm{Hours: 2})
}

// renderDashboard shows the dashboard with the banner form bf.
func (h *Handler) renderDashboard(c echo.Context, status int, bf BannerForm) error {
	l, err := h.layout(c, "Newsroom", "dashboard")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	counts, err := h.Articles.Dashboard(ctx)
	if err != nil {
		return err
	}
	p := AdminDashboardPage{Layout: l, Counts: counts, BannerForm: bf, BannerHours: bannerHours}
	if err := h.dashboardLive(ctx, &p); err != nil {
		return err
	}
	if p.Queues, err = h.Articles.DashboardQueues(ctx, l.User.ID); err != nil {
		return err
	}
	loc := l.Site.Location()
	for _, list := range [][]models.Article{p.Queues.Review, p.Queues.Scheduled, p.Queues.MyDrafts} {
		kit.InZone(list, loc)
	}
	if p.Recent, err = h.recentActivity(ctx, l.User); err != nil {
		return err
	}
	for i := range p.Recent {
		p.Recent[i].At = p.Recent[i].At.In(loc)
	}
	if May(l.User, Comments) {
		if p.Waiting, _, err = h.Comments.Queue(ctx, models.CommentPending, 1); err != nil {
			return err
		}
		p.Waiting = p.Waiting[:min(len(p.Waiting), recentActivity)]
		for i := range p.Waiting {
			p.Waiting[i].CreatedAt = p.Waiting[i].CreatedAt.In(loc)
		}
	}
	return h.render(c, status, p)
}

// recentActivity is the dashboard's activity list for u.
func (h *Handler) recentActivity(ctx context.Context, u models.User) ([]models.AuditEntry, error) {
	switch {
	case May(u, AuditLog):
		return h.Audit.Recent(ctx, nil, recentActivity)
	case May(u, OthersWork):
		return h.Audit.Recent(ctx, editorActivity, recentActivity)
	}
	return nil, nil
}
