package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

// CorpusOptions sizes a generated corpus.
type CorpusOptions struct {
	Articles int
	Comments int
	Seed     uint64
	// Now dates the corpus: articles reach back about three years from it,
	// a few are scheduled after it.
	Now time.Time
	// Progress, when set, is told how far each stage has come.
	Progress func(stage string, done, total int)
}

// corpusBatch is how many rows go into one transaction: large enough that
// commits cost little, small enough that the WAL stays modest.
const corpusBatch = 5000

// corpusSpan is how far back the corpus's articles reach.
const corpusSpan = 3 * 365 * 24 * time.Hour

// GenerateCorpus fills an empty site with a large corpus of realistic
// sizes for load tests: sections, authors, a few hundred tags of uneven
// popularity, articles of 400 to 1 500 words, and comments spread unevenly,
// most of them on recent stories. The same options give the same corpus.
func GenerateCorpus(ctx context.Context, d *db.DB, o CorpusOptions) error {
	empty, err := models.Empty(ctx, d)
	if err != nil {
		return err
	}
	if !empty {
		return fmt.Errorf("models: corpus needs an empty site")
	}
	if o.Progress == nil {
		o.Progress = func(string, int, int) {}
	}
	// A bulk load need not survive a power cut: a corpus cut short is
	// thrown away and made again. Skipping the syncs makes it several
	// times faster.
	if _, err := d.Exec(ctx, `PRAGMA synchronous = OFF`); err != nil {
		return fmt.Errorf("models: corpus: %w", err)
	}
	defer d.Exec(context.WithoutCancel(ctx), `PRAGMA synchronous = NORMAL`)
	g := &corpusGen{r: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)), o: o}
	if err := g.people(ctx, d); err != nil {
		return err
	}
	if err := g.articles(ctx, d); err != nil {
		return err
	}
	if err := g.comments(ctx, d); err != nil {
		return err
	}
	// A bulk load leaves the search index in a few dozen segments, and every
	// term a search looks up is sought in each; merged into one, as a site's
	// own index ends up over time, it reads a third less.
	if _, err := d.Exec(ctx, `INSERT INTO articles_fts (articles_fts) VALUES ('optimize')`); err != nil {
		return fmt.Errorf("models: corpus: merge the search index: %w", err)
	}
	st := models.DefaultSettings()
	for _, n := range models.SocialNetworks {
		st.Social[n.Key] = "https://" + n.Key + ".example.com/dailyledger"
	}
	st.Social["rss"] = "/feed"
	return models.NewSettingsStore(d).Save(ctx, st)
}

// corpusGen holds the generator's state between stages.
type corpusGen struct {
	r        *rand.Rand
	o        CorpusOptions
	sections []int64
	authors  []int64
	tags     []int64
	// published holds each article's id and publish time, oldest first.
	ids       []int64
	published []int64
}

func (g *corpusGen) people(ctx context.Context, d *db.DB) error {
	return d.WithTx(ctx, func(tx *db.Tx) error {
		for i, s := range corpusSections {
			res, err := tx.ExecContext(ctx, `INSERT INTO categories (slug, name, description, position) VALUES (?, ?, ?, ?)`,
				models.Slugify(s), s, "The latest from "+s+".", i+1)
			if err != nil {
				return fmt.Errorf("models: corpus section: %w", err)
			}
			id, _ := res.LastInsertId()
			g.sections = append(g.sections, id)
		}
		created := g.o.Now.Add(-corpusSpan).Unix()
		for i := range 40 {
			name := corpusFirst[i%len(corpusFirst)] + " " + corpusLast[(i*7+i/len(corpusFirst))%len(corpusLast)]
			slug := models.Slugify(name)
			res, err := tx.ExecContext(ctx, `INSERT INTO users (email, name, slug, bio, role, created_at)
				VALUES (?, ?, ?, ?, 'author', ?)`, slug+"@example.com", name, slug,
				name+" reports for the desk.", created)
			if err != nil {
				return fmt.Errorf("models: corpus author: %w", err)
			}
			id, _ := res.LastInsertId()
			g.authors = append(g.authors, id)
		}
		for i := range 400 {
			name := corpusWords[i%len(corpusWords)] + " " + corpusWords[(i*31+7)%len(corpusWords)]
			if i < len(corpusTopics) {
				name = corpusTopics[i]
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO tags (slug, name) VALUES (?, ?)`, fmt.Sprintf("%s-%d", models.Slugify(name), i), name)
			if err != nil {
				return fmt.Errorf("models: corpus tag: %w", err)
			}
			id, _ := res.LastInsertId()
			g.tags = append(g.tags, id)
		}
		return nil
	})
}

func (g *corpusGen) articles(ctx context.Context, d *db.DB) error {
	n := g.o.Articles
	start := g.o.Now.Add(-corpusSpan).Unix()
	step := float64(corpusSpan/time.Second) / float64(max(n, 1))
	for lo := 0; lo < n; lo += corpusBatch {
		hi := min(lo+corpusBatch, n)
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			ins, err := tx.PrepareContext(ctx, `INSERT INTO articles (category_id, author_id, slug, title, summary,
				body_md, body_html, source, status, featured, comments_open, published_at, updated_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, 1, ?, ?, ?)`)
			if err != nil {
				return fmt.Errorf("models: corpus prepare: %w", err)
			}
			defer ins.Close()
			tag, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)`)
			if err != nil {
				return fmt.Errorf("models: corpus prepare: %w", err)
			}
			defer tag.Close()
			for i := lo; i < hi; i++ {
				pub := start + int64(float64(i)*step) + g.r.Int64N(600)
				if i >= n-5 { // the newest few are scheduled for the coming days
					pub = g.o.Now.Unix() + int64(n-i)*7200
				}
				title := g.title()
				md, html := g.body(400 + g.r.IntN(1101))
				res, err := ins.ExecContext(ctx, g.sections[g.r.IntN(len(g.sections))], g.authors[g.r.IntN(len(g.authors))],
					corpusSlug(title, i+1), title, g.sentence(18, 30), md, html,
					corpusSources[g.r.IntN(len(corpusSources))], g.r.IntN(100) == 0, pub, pub+g.r.Int64N(3)*3600, pub)
				if err != nil {
					return fmt.Errorf("models: corpus article: %w", err)
				}
				id, _ := res.LastInsertId()
				g.ids = append(g.ids, id)
				g.published = append(g.published, pub)
				for range 2 + g.r.IntN(5) {
					if _, err := tag.ExecContext(ctx, id, g.tags[g.zipf(len(g.tags))]); err != nil {
						return fmt.Errorf("models: corpus article tag: %w", err)
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		g.o.Progress("articles", hi, n)
	}
	return nil
}

func (g *corpusGen) comments(ctx context.Context, d *db.DB) error {
	n, live := g.o.Comments, len(g.ids)-5
	if live <= 0 || n == 0 {
		return nil
	}
	counts := g.commentCounts(n, live)
	now := g.o.Now.Unix()
	done, k := 0, 0
	for done < n {
		hi := min(done+corpusBatch, n)
		err := d.WithTx(ctx, func(tx *db.Tx) error {
			ins, err := tx.PrepareContext(ctx, `INSERT INTO comments (article_id, name, email, body_html, status, created_at)
				VALUES (?, ?, ?, ?, ?, ?)`)
			if err != nil {
				return fmt.Errorf("models: corpus prepare: %w", err)
			}
			defer ins.Close()
			for ; done < hi; done++ {
				for counts[k] == 0 {
					k++
				}
				counts[k]--
				// Comments arrive over the days after publication.
				at := min(g.published[k]+g.r.Int64N(3*86400), now)
				status := models.CommentApproved
				switch p := g.r.IntN(100); {
				case p < 6:
					status = models.CommentPending
				case p < 9:
					status = models.CommentSpam
				}
				name := corpusFirst[g.r.IntN(len(corpusFirst))]
				_, err := ins.ExecContext(ctx, g.ids[k], name, "", "<p>"+g.sentence(10, 80)+"</p>", status, at)
				if err != nil {
					return fmt.Errorf("models: corpus comment: %w", err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		g.o.Progress("comments", done, n)
	}
	return nil
}

// commentCounts shares n comments among the first live articles, unevenly:
// recent stories get far more, and a few stories of any age get many.
func (g *corpusGen) commentCounts(n, live int) []int {
	w := make([]float64, live)
	var total float64
	for k := range w {
		x := float64(k+1) / float64(live)
		e := -math.Log(1 - g.r.Float64())
		w[k] = x * x * x * x * e * e
		total += w[k]
	}
	counts := make([]int, live)
	var cum float64
	prev := 0
	for k := range w {
		cum += w[k]
		c := int(float64(n) * cum / total)
		if k == live-1 {
			c = n
		}
		counts[k] = c - prev
		prev = c
	}
	return counts
}

// corpusSlug is the title's slug with the article's number, within the
// slug length limit.
func corpusSlug(title string, n int) string {
	suffix := fmt.Sprintf("-%d", n)
	base := models.Slugify(title)
	if len(base)+len(suffix) > models.MaxSlugLen {
		base = strings.TrimRight(base[:models.MaxSlugLen-len(suffix)], "-")
	}
	return base + suffix
}
