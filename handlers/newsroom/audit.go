package newsroom

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
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
	Recent []models.AuditEntry // admins see the latest log entries
	// The breaking-news banner, for editors: the one up (nil if none) and
	// the form that raises one; the articles covered live now.
	Banner      *models.Banner
	BannerForm  BannerForm
	BannerHours []int
	LiveNow     []models.Article
}

func (AdminDashboardPage) Template() string { return "admin_dashboard" }

// Dashboard is the newsroom's front page.
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
	if b, err := h.Banners.Current(ctx); err == nil {
		b.EndsAt = b.EndsAt.In(l.Site.Location())
		p.Banner = &b
	} else if !errors.Is(err, models.ErrNotFound) {
		return err
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
