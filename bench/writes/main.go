// Command writes is the write side of bench/writes.sh: while wrk reads,
// it posts comments at a steady rate from many client addresses (spread
// over the 20 newest articles), or publishes an article every 30 seconds
// as an editor would, until its time is up.
//
//	go run ./bench/writes -site http://127.0.0.1:18080 -db bench/out/x.db -mode held -rate 10 -for 15s
//
// Modes: setup (moderation "unknown" and one approved comment by a
// regular, before the run), held (comments by new names, held) and
// published (comments by the regular, published at once), publish (one new
// article every -every).
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

// The regular commenter, whose comments are published at once.
const (
	regularName  = "Regular Reader"
	regularEmail = "regular@example.com"
)

func main() {
	site := flag.String("site", "http://127.0.0.1:18080", "the site's address")
	path := flag.String("db", "", "the site's database (for settings and the editor)")
	mode := flag.String("mode", "held", "held, published or publish")
	rate := flag.Float64("rate", 1, "comments a second")
	every := flag.Duration("every", 30*time.Second, "time between two articles published")
	dur := flag.Duration("for", 15*time.Second, "how long to write")
	flag.Parse()
	if err := run(*site, *path, *mode, *rate, *every, *dur); err != nil {
		fmt.Fprintln(os.Stderr, "writes:", err)
		os.Exit(1)
	}
}

func run(site, path, mode string, rate float64, every, dur time.Duration) error {
	ctx := context.Background()
	store, err := db.Open(path)
	if err != nil {
		return err
	}
	defer store.Close()
	articles := models.NewArticleStore(store, time.Now)
	end := time.Now().Add(dur)
	if mode == "publish" {
		return publish(ctx, articles, every, end)
	}
	newest, err := articles.Latest(ctx, 20)
	if err != nil {
		return err
	}
	// The site holds comments from unknown commenters (moderation
	// "unknown"); a regular, with an approved comment already, is
	// published at once. Settings stay as they are during the run.
	settings := models.NewSettingsStore(store)
	st, err := settings.Get(ctx)
	if err != nil {
		return err
	}
	if st.ModerationMode != models.ModerateUnknown {
		st.ModerationMode = models.ModerateUnknown
		if err := settings.Save(ctx, st); err != nil {
			return err
		}
	}
	if mode == "setup" {
		st.ModerationMode = models.ModerateNone
		_, err := models.NewCommentStore(store).Create(ctx, models.CommentInput{ArticleID: newest[len(newest)-1].ID,
			Name: regularName, Email: regularEmail, Body: "A regular's first comment.", IP: "10.255.0.1", Now: time.Now()}, st)
		return err
	}
	client := &http.Client{Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tick := time.NewTicker(time.Duration(float64(time.Second) / rate))
	defer tick.Stop()
	sent, failed := 0, 0
	for n := 0; time.Now().Before(end); n++ {
		<-tick.C
		a := newest[n%len(newest)]
		form := url.Values{"name": {fmt.Sprintf("Reader %d", n)}, "comment": {fmt.Sprintf("Comment %d at %s: the numbers do not add up.", n, time.Now().Format(time.RFC3339Nano))}}
		if mode == "published" {
			form.Set("name", regularName)
			form.Set("email", regularEmail)
		}
		req, _ := http.NewRequest(http.MethodPost, site+a.URL()+"/comments", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", site)
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", n/65536%256, n/256%256, n%256))
		res, err := client.Do(req)
		if err != nil || res.StatusCode != http.StatusSeeOther {
			failed++
		} else {
			sent++
		}
		if res != nil {
			res.Body.Close()
		}
	}
	fmt.Printf("comments %s: %d sent, %d failed\n", mode, sent, failed)
	return nil
}

// publish creates and publishes one article every every, until end.
func publish(ctx context.Context, articles *models.ArticleStore, every time.Duration, end time.Time) error {
	latest, err := articles.Latest(ctx, 1)
	if err != nil || len(latest) == 0 {
		return fmt.Errorf("no article to copy the section and author of: %v", err)
	}
	n := 0
	for time.Now().Before(end) {
		in := models.ArticleInput{Title: fmt.Sprintf("Breaking: update %d at %s", n, time.Now().Format("15:04:05")),
			BodyMD: "The story develops.", CategoryID: latest[0].Category.ID, AuthorID: latest[0].Author.ID,
			Status: models.StatusPublished, CommentsOpen: true}
		if _, err := articles.CreateEdited(ctx, in, models.Editor{Note: "published"}); err != nil {
			return err
		}
		n++
		time.Sleep(min(every, time.Until(end)))
	}
	fmt.Printf("published %d articles\n", n)
	return nil
}
