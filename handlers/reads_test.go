package handlers

import (
	"context"
	"github.com/newsroom/news/handlers/reader"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

const browserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"

// beacon asks for the read beacon of article id with the user agent
// agent (a browser's, a bot's); every request comes from one address.
func (ts *testServer) beacon(t *testing.T, id int64, agent string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/read/"+strconv.FormatInt(id, 10), nil)
	req.Header.Set("User-Agent", agent)
	res, _ := ts.do(t, req)
	return res
}

func TestReadBeaconCountsReadsWithoutCookiesOrAddresses(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	latest, err := ts.H.Articles.Latest(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	popular, other := latest[2], latest[1]
	for range 3 {
		res := ts.beacon(t, popular.ID, browserAgent)
		if res.StatusCode != http.StatusNoContent || res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Set-Cookie") != "" {
			t.Fatalf("beacon: %d, Cache-Control %q, Set-Cookie %q; want 204, no-store, no cookie",
				res.StatusCode, res.Header.Get("Cache-Control"), res.Header.Get("Set-Cookie"))
		}
	}
	ts.beacon(t, other.ID, browserAgent)
	for _, bot := range []string{"Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0",
		"Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0", ""} {
		ts.beacon(t, other.ID, bot)
		ts.beacon(t, other.ID, bot)
	}
	for _, bad := range []string{"/read/abc", "/read/-1", "/read/99999999999999999999"} {
		if res, _ := ts.get(t, bad); res.StatusCode != http.StatusNoContent && res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
	ts.H.Site.Reader.FlushReads(ctx)

	var stored int
	if err := ts.H.DB.R.QueryRow(`SELECT COALESCE(SUM(reads), 0) FROM article_reads`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != 4 {
		t.Errorf("stored %d reads, want 4 (bots and prefetches ignored)", stored)
	}
	cols := tableColumns(t, ts, "article_reads")
	if strings.Join(cols, ",") != "article_id,hour,reads" {
		t.Errorf("article_reads stores %v; it must hold counts only, never who read", cols)
	}

	top, err := ts.H.Articles.MostRead(ctx, testNow.Add(-24*time.Hour), 5)
	if err != nil || len(top) != 2 || top[0].ID != popular.ID {
		t.Fatalf("most read = %v (%v), want %q first", titles(top), err, popular.Title)
	}
}

func TestReadsAreLimitedPerAddress(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	latest, _ := ts.H.Articles.Latest(context.Background(), 1)
	for range 100 {
		ts.beacon(t, latest[0].ID, browserAgent)
	}
	ts.H.Site.Reader.FlushReads(context.Background())
	var got int
	if err := ts.H.DB.R.QueryRow(`SELECT COALESCE(SUM(reads), 0) FROM article_reads`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if want := reader.ReadRates()[0].N; got != want {
		t.Errorf("one address counted %d reads in a minute, want at most %d", got, want)
	}
}

func TestMostReadChangesByTimeNotByPurge(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	latest, _ := ts.H.Articles.Latest(ctx, 8)
	read := latest[7]
	res, body := ts.get(t, "/")
	if strings.Contains(body, `id="most-read"`) {
		t.Fatal("Most read shown before anything was read")
	}
	ts.beacon(t, read.ID, browserAgent)
	ts.H.Site.Reader.FlushReads(ctx)
	// Writing the counts drops no cached page: the front page is still
	// served from the cache, without the list, until the list is due.
	res, body = ts.get(t, "/")
	if res.Header.Get("X-Cache") != "hit" || strings.Contains(body, `id="most-read"`) {
		t.Errorf("after writing read counts: X-Cache %q, want the cached page kept", res.Header.Get("X-Cache"))
	}
	ts.Clock.Set(testNow.Add(reader.MostReadEvery + time.Second))
	_, body = ts.get(t, "/")
	most := section(t, body, `id="most-read"`, `</section>`)
	wantBody(t, most, "Today", "This week", read.URL())
}

func titles(list []models.Article) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Title)
	}
	return out
}

func tableColumns(t *testing.T, ts *testServer, table string) []string {
	t.Helper()
	rows, err := ts.H.DB.R.Query(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		rows.Scan(&c)
		cols = append(cols, c)
	}
	return cols
}
