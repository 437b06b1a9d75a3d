package wordpress

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// TestImportHostile: an export derived from the sample carrying script in
// a post and a comment, an unknown shortcode, a spam and a trashed comment
// (WordPress's exporter writes neither, so they are made here).
func TestImportHostile(t *testing.T) {
	d := newDB(t)
	path := sampleWith(t,
		"<p>Analysts said", `<script>alert(1)</script><p onclick="x()">Analysts <img src=x onerror=alert(1)><a href="javascript:alert(2)">click</a><iframe src="javascript:alert(3)"></iframe> [evil_code foo="1"] said`,
		"Great, thanks for the quick reply!", `Great<script>alert(4)</script> <a href="javascript:alert(5)" onmouseover="y()">x</a><style>body{}</style>`,
		"<wp:comment_approved><![CDATA[0]]></wp:comment_approved>", "<wp:comment_approved><![CDATA[spam]]></wp:comment_approved>",
		"so that seems settled.]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[1]]>", "so that seems settled.]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[trash]]>",
	)
	rep := importFile(t, d, path, Options{})
	noScript(t, d)
	if n := count(t, d, `SELECT COUNT(*) FROM comments WHERE status = 'spam'`); n != 1 {
		t.Errorf("spam comments: %d, want 1", n)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM import_map WHERE kind = 'comment' AND source_id = 17`); n != 0 {
		t.Error("the trashed comment was imported")
	}
	if n := count(t, d, `SELECT COUNT(*) FROM comments WHERE body_html LIKE '%Great%'`); n != 1 {
		t.Error("the hostile comment's text is gone; only its script should be")
	}
	if out := notes(rep); !strings.Contains(out, "[evil_code]") || !strings.Contains(out, "in the trash") || !strings.Contains(out, "[script]") {
		t.Errorf("the report misses the shortcode, the trashed comment or the removed script:\n%s", out)
	}
	solar := articleBySlug(t, d, "inside-the-solar-boom-reshaping-rural-spain")
	var body string
	d.R.QueryRow(`SELECT body_html FROM articles WHERE id = ?`, solar.ID).Scan(&body)
	if !strings.Contains(body, "<figcaption>A solar installation near Badajoz.") {
		t.Errorf("the [caption] shortcode is not a figure: %s", body)
	}
}

// TestReimportLaterExport: a later export updates what changed in
// WordPress, except what was edited in the newsroom since, which is
// reported; a dry run writes nothing.
func TestReimportLaterExport(t *testing.T) {
	d := newDB(t)
	importFile(t, d, samplePath, Options{})
	ctx := context.Background()
	arts := models.NewArticleStore(d, time.Now)
	tokyo := articleBySlug(t, d, "tokyo-stocks-hit-record-as-yen-weakens")
	a, err := arts.ByID(ctx, tokyo.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := models.ArticleInput{Title: "Edited in the newsroom", Slug: a.Slug, Summary: a.Summary, BodyMD: a.BodyMD,
		CategoryID: a.Category.ID, AuthorID: a.Author.ID, Status: a.Status, CommentsOpen: a.CommentsOpen, PublishedAt: a.PublishedAt}
	if _, err := arts.UpdateEdited(ctx, a.ID, a.Version, in, models.Editor{Note: "edited"}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(samplePath)
	s := strings.ReplaceAll(string(b), "<wp:post_modified_gmt><![CDATA[2025-", "<wp:post_modified_gmt><![CDATA[2026-")
	s = strings.Replace(s, "<title><![CDATA[Tokyo Stocks Hit Record as Yen Weakens]]>", "<title><![CDATA[Tokyo from WordPress]]>", 1)
	s = strings.Replace(s, "<title><![CDATA[Central Bank Holds Rates Steady]]>", "<title><![CDATA[Central Bank Holds Rates, Again]]>", 1)
	later := filepath.Join(t.TempDir(), "later.xml")
	os.WriteFile(later, []byte(s), 0o644)

	before := tableCounts(t, d)
	dry := importFile(t, d, later, Options{DryRun: true})
	if after := tableCounts(t, d); !equal(before, after) || !dry.DryRun {
		t.Errorf("a dry run wrote: %v → %v", before, after)
	}
	rep := importFile(t, d, later, Options{})
	if n := count(t, d, `SELECT COUNT(*) FROM articles WHERE title = 'Edited in the newsroom'`); n != 1 {
		t.Error("the newsroom's edit was overwritten")
	}
	if n := count(t, d, `SELECT COUNT(*) FROM articles WHERE title = 'Central Bank Holds Rates, Again'`); n != 1 {
		t.Error("the change made in WordPress did not come across")
	}
	if n := count(t, d, `SELECT COUNT(*) FROM articles`); n != before["articles"] {
		t.Errorf("articles: %d, before %d", n, before["articles"])
	}
	if out := notes(rep); !strings.Contains(out, "edited in the newsroom too") {
		t.Errorf("the kept edit is not reported:\n%s", out)
	}
}
