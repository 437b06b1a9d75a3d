package handlers

import (
	"io"
	"testing"

	"github.com/newsroom/news/models"
)

// Every newsroom page renders from its zero value and with a signed-in
// user, so a template error fails here and not in front of an editor.
func TestAdminPagesRenderFromZero(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	full := AdminLayout{Title: "T", User: models.User{ID: 1, Name: "N", Role: models.RoleAdmin},
		Flashes: []string{"done"}, Site: models.DefaultSettings(), Nav: "settings"}
	pages := []func(AdminLayout) page{
		func(l AdminLayout) page { return AdminLoginPage{AdminLayout: l} },
		func(l AdminLayout) page { return AdminSetupPage{AdminLayout: l} },
		func(l AdminLayout) page { return AdminDashboardPage{AdminLayout: l} },
		func(l AdminLayout) page { return AdminSettingsPage{AdminLayout: l} },
		func(l AdminLayout) page { return AdminPeoplePage{AdminLayout: l} },
		func(l AdminLayout) page { return AdminProfilePage{AdminLayout: l} },
		func(l AdminLayout) page { return AdminAuditPage{AdminLayout: l} },
	}
	for _, mk := range pages {
		for _, l := range []AdminLayout{{}, full} {
			p := mk(l)
			if err := ts.H.Views.Render(io.Discard, p.template(), p); err != nil {
				t.Errorf("%s: %v", p.template(), err)
			}
		}
	}
}
