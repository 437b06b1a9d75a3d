package wordpress

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

// TestImportSample imports the real export and checks it against the XML.
func TestImportSample(t *testing.T) {
	d := newDB(t)
	rep := importFile(t, d, samplePath, Options{Editors: []string{"dokafor"}})
	_, recs := readAll(t, openSample(t))

	wantStatus := map[string]int{}
	wantComments := map[string]int{}
	atts := map[int64]*Item{}
	var posts []*Item
	for _, r := range recs {
		it, ok := r.(*Item)
		if !ok {
			continue
		}
		if it.Type == "attachment" {
			atts[it.PostID] = it
		}
		if it.Type != "post" || it.Status == "trash" {
			continue
		}
		posts = append(posts, it)
		st, _, _ := articleStatus(it)
		wantStatus[st]++
		for _, c := range it.Comments {
			if s, ok := commentStatus(c.Approved); ok && c.Type != "pingback" {
				wantComments[s]++
			}
		}
	}
	for st, n := range wantStatus {
		if got := count(t, d, `SELECT COUNT(*) FROM articles WHERE status = ?`, st); got != n {
			t.Errorf("articles %s: %d, the export has %d", st, got, n)
		}
	}
	for st, n := range wantComments {
		if got := count(t, d, `SELECT COUNT(*) FROM comments WHERE status = ?`, st); got != n {
			t.Errorf("comments %s: %d, the export has %d", st, got, n)
		}
	}
	if n := count(t, d, `SELECT COUNT(*) FROM articles WHERE published_at > strftime('%s', '2027-01-01')`); n != 1 {
		t.Errorf("scheduled articles in 2027: %d, want 1", n)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM users WHERE password_hash = ''`); n != 3 {
		t.Errorf("imported staff who cannot sign in: %d, want 3", n)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM users WHERE role = 'editor' AND email = 'david.okafor@example.com'`); n != 1 {
		t.Error("--editors dokafor did not make David Okafor an editor")
	}
	if n := count(t, d, `SELECT COUNT(*) FROM categories WHERE slug IN ('asia', 'europe', 'markets', 'business')`); n != 4 {
		t.Errorf("sections asia, europe, markets, business: %d of 4", n)
	}
	// A tag and a section with the same name stay distinct; a parent category is a tag on its children's articles.
	kim := articleBySlug(t, d, "kim-and-putin-agree-to-expand-rail-links-after-vladivostok-talks")
	if !kim.Featured || kim.Category.Slug != "asia" || kim.Summary == "" {
		t.Errorf("sticky post: %+v", kim)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? AND t.slug IN ('world-news', 'korea', 'russia', 'diplomacy')`, kim.ID); n != 4 {
		t.Errorf("tags of the sticky post: %d of world-news, korea, russia, diplomacy", n)
	}
	if count(t, d, `SELECT COUNT(*) FROM tags WHERE slug = 'markets'`) != 1 || count(t, d, `SELECT COUNT(*) FROM categories WHERE slug = 'markets'`) != 1 {
		t.Error("Markets should be both a tag and a section")
	}
	// The export's three pages became the site's pages, published, a child
	// page (Our Team, under About us) under its own slug.
	if n := count(t, d, `SELECT COUNT(*) FROM pages WHERE slug IN ('about-us', 'our-team', 'contact') AND status = 'published'`); n != 3 {
		t.Errorf("published pages about-us, our-team, contact: %d of 3", n)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM pages WHERE slug = 'about-us' AND body_md LIKE '%/media/%'`); n != 1 {
		t.Error("About us lost its featured picture")
	}
	checkPictures(t, d, posts, atts)
	checkThreads(t, d, posts)
	noScript(t, d)
	if !strings.Contains(notes(rep), "pingback") || !strings.Contains(notes(rep), "Test Post Please Ignore") {
		t.Errorf("the report leaves out the pingback or the trashed post:\n%s", notes(rep))
	}

	// Importing the same file again changes nothing.
	before := tableCounts(t, d)
	rep2 := importFile(t, d, samplePath, Options{})
	if after := tableCounts(t, d); !equal(before, after) {
		t.Errorf("second import changed rows: %v → %v", before, after)
	}
	if rep2.Counts["articles published: unchanged"] != wantStatus[models.StatusPublished]-1 {
		t.Errorf("second import: %v", rep2.Counts)
	}
}

func articleBySlug(t *testing.T, d *db.DB, slug string) models.Article {
	t.Helper()
	var a models.Article
	err := d.R.QueryRow(`SELECT a.id, a.summary, a.featured, c.slug, COALESCE(a.lead_media_id, 0) FROM articles a
		JOIN categories c ON c.id = a.category_id WHERE a.slug = ?`, slug).Scan(&a.ID, &a.Summary, &a.Featured, &a.Category.Slug, new(int64))
	if err != nil {
		t.Fatalf("article %s: %v", slug, err)
	}
	return a
}

// checkPictures: every featured image is its article's lead picture with
// the alt text of the export; every image in a post's content is in the
// article's body with its alt text, and with its caption as a figure.
func checkPictures(t *testing.T, d *db.DB, posts []*Item, atts map[int64]*Item) {
	t.Helper()
	for _, it := range posts {
		var body string
		var alt sql.NullString
		err := d.R.QueryRow(`SELECT a.body_html, m.alt FROM import_map im JOIN articles a ON a.id = im.local_id
			LEFT JOIN media m ON m.id = a.lead_media_id WHERE im.kind = 'article' AND im.source_id = ?`, it.PostID).Scan(&body, &alt)
		if err != nil {
			t.Fatalf("post %d: %v", it.PostID, err)
		}
		if th := it.MetaValue("_thumbnail_id"); th != "" {
			var id int64
			for k := range atts {
				if th == itoa(k) {
					id = k
				}
			}
			if want := atts[id].MetaValue("_wp_attachment_image_alt"); alt.String != want {
				t.Errorf("post %d: lead picture alt %q, want %q", it.PostID, alt.String, want)
			}
		}
		for _, m := range imgAlt.FindAllStringSubmatch(it.Content(), -1) {
			if !strings.Contains(body, `alt="`+htmlAttr(m[1])+`"`) {
				t.Errorf("post %d: no picture with alt %q in the body", it.PostID, m[1])
			}
		}
		// A picture's caption makes it a figure; a gallery's own caption is a line under its pictures.
		for _, m := range figcaption.FindAllStringSubmatch(it.Content(), -1) {
			want := htmlText(plainText(m[2]))
			if !strings.Contains(m[1], "gallery") {
				want = "<figcaption>" + want + "</figcaption>"
			}
			if !strings.Contains(body, want) {
				t.Errorf("post %d: no caption %s", it.PostID, want)
			}
		}
	}
	if n := count(t, d, `SELECT COUNT(DISTINCT sha256) FROM media`); n != count(t, d, `SELECT COUNT(*) FROM media`) {
		t.Error("a picture is stored twice")
	}
}

func notes(r *Report) string {
	var b strings.Builder
	r.Write(&b)
	return b.String()
}

func equal(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

var _ = context.Background
