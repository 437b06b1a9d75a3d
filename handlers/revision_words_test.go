package handlers

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// TestRevisionsInWords: revisions count from 1 for each article, the
// comparison marks the one word changed in a paragraph, and flags read
// as words, never true or false.
func TestRevisionsInWords(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true) // the demo's articles have revisions of their own
	ed := ts.signIn(t, models.RoleEditor)
	f := newArticleForm("Council meets on the harbour wall", "draft", firstSection(t, ts), ed)
	f.Set("body", "The council met on Tuesday to vote on the harbour wall.\n\nA second paragraph.")
	a := createArticle(t, ts, f)
	f = editForm(t, ts, a)
	f.Set("body", "The council met on Wednesday to vote on the harbour wall.\n\nA second paragraph.")
	f.Set("featured", "1")
	res, body := ts.postForm(t, articleAdminPath(a), f)
	mustStatus(t, res, body, http.StatusSeeOther)

	revs, err := ts.H.Articles.Revisions(context.Background(), a.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions: %v, %d", err, len(revs))
	}
	if revs[0].Number != 2 || revs[1].Number != 1 {
		t.Errorf("revisions numbered %d, %d; want 2, 1", revs[0].Number, revs[1].Number)
	}
	_, body = ts.get(t, articleAdminPath(a)+"/revisions")
	wantBody(t, body, "Revision 1<", "Revision 2<")
	_, body = ts.get(t, articleAdminPath(a)+"/revisions/compare?a="+itoa(revs[1].ID)+"&b="+itoa(revs[0].ID))
	wantBody(t, body, "<th scope=\"col\">Revision 1<br>", "<del>Tuesday</del><ins>Wednesday</ins>",
		"Not featured", "Featured", "Open", "Restore revision 1")
	for _, bad := range []string{">false<", ">true<", `class="diff-del">- The council`} {
		if strings.Contains(body, bad) {
			t.Errorf("comparison shows %q", bad)
		}
	}
	res, body = ts.postForm(t, articleAdminPath(a)+"/revisions/"+itoa(revs[1].ID)+"/restore", nil)
	mustStatus(t, res, body, http.StatusSeeOther)
	if acts := ts.auditActions(t); !strings.HasPrefix(acts[0], "article.restore "+ed.Name+" restored revision 1 of ") {
		t.Errorf("audit after restoring: %q", acts[0])
	}
}
