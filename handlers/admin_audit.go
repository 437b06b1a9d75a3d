package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// AdminAuditPage is one page of the audit log.
type AdminAuditPage struct {
	AdminLayout
	Entries []models.AuditEntry
	Pager   models.Pager
	Action  string   // filter: entries whose action starts with this
	Actions []Option // filter choices
}

func (AdminAuditPage) template() string { return views.PageAdminAudit }

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
	{"backup.", "Backups"},
}

func (h *Handler) adminAuditShow(c echo.Context) error {
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
	l, err := h.adminLayout(c, "Audit log", "audit")
	if err != nil {
		return err
	}
	loc := l.Site.Location()
	for i := range entries {
		entries[i].At = entries[i].At.In(loc)
	}
	return h.render(c, http.StatusOK, AdminAuditPage{AdminLayout: l, Entries: entries, Pager: pager,
		Action: action, Actions: auditFilters})
}

// AdminDashboardPage is the newsroom's front page.
type AdminDashboardPage struct {
	AdminLayout
	Counts models.DashboardCounts
	Recent []models.AuditEntry // admins see the latest log entries
	// The breaking-news banner, for editors: the one up (nil if none) and
	// the form that raises one; the articles covered live now.
	Banner      *models.Banner
	BannerForm  BannerForm
	BannerHours []int
	LiveNow     []models.Article
}

func (AdminDashboardPage) template() string { return views.PageAdminDashboard }

func (h *Handler) adminDashboard(c echo.Context) error {
	return h.renderDashboard(c, http.StatusOK, BannerForm{Hours: 2})
}

// renderDashboard shows the dashboard with the banner form bf.
func (h *Handler) renderDashboard(c echo.Context, status int, bf BannerForm) error {
	l, err := h.adminLayout(c, "Newsroom", "dashboard")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	counts, err := h.Articles.Dashboard(ctx)
	if err != nil {
		return err
	}
	p := AdminDashboardPage{AdminLayout: l, Counts: counts, BannerForm: bf, BannerHours: bannerHours}
	if p.Banner, err = h.banner(ctx); err != nil {
		return err
	}
	if p.Banner != nil {
		p.Banner.EndsAt = p.Banner.EndsAt.In(l.Site.Location())
	}
	if p.LiveNow, err = h.Live.LiveNow(ctx, 20); err != nil {
		return err
	}
	if l.User.Role == models.RoleAdmin {
		recent, _, err := h.Audit.List(ctx, "", 1)
		if err != nil {
			return err
		}
		if len(recent) > 8 {
			recent = recent[:8]
		}
		loc := l.Site.Location()
		for i := range recent {
			recent[i].At = recent[i].At.In(loc)
		}
		p.Recent = recent
	}
	return h.render(c, status, p)
}
