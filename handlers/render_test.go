package handlers

import (
	"strings"
	"testing"

	"github.com/newsroom/news/views"
)

// TestEveryPageRendersFromItsZeroValue renders each page type with no data,
// so a template error fails here and not in front of a reader.
func TestEveryPageRendersFromItsZeroValue(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	pages := []page{HomePage{}, ArticlePage{}, ListPage{}, ErrorPage{}, CorrectionsPage{}, SearchPage{},
		AdminArticlesPage{}, AdminArticleEditPage{}, AdminConfirmPage{}, AdminRevisionsPage{}, AdminRevisionComparePage{},
		AdminCommentsPage{}, AdminCommentEditPage{}, AdminSectionsPage{}, AdminSectionDeletePage{}, AdminTagsPage{}, AdminTagEditPage{},
		AdminSitePagesPage{}, AdminSitePageEditPage{}, SitePageView{}, ArticlePreviewPage{}}
	covered := map[string]bool{}
	for _, p := range pages {
		var b strings.Builder
		if err := ts.H.Views.Render(&b, p.template(), p); err != nil {
			t.Errorf("%s: %v", p.template(), err)
		}
		covered[p.template()] = true
	}
	for _, name := range views.Pages {
		if !covered[name] && !strings.HasPrefix(name, "admin") {
			t.Errorf("page %q is not rendered by this test", name)
		}
	}
}
