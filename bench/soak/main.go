// Command soak puts the real news binary under readers and commenters for
// a while, kills it with SIGKILL in the middle of a burst of comments,
// starts it again on the same database and reports whether every comment
// it acknowledged survived. bench/soak.sh builds the binary and runs it.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

type config struct {
	bin, dir            string
	duration, burst     time.Duration
	commenters, readers int
	moderation          string
}

func run() error {
	var cfg config
	flag.StringVar(&cfg.bin, "bin", "", "the news binary")
	flag.StringVar(&cfg.dir, "dir", "", "a scratch folder for the database and logs")
	flag.DurationVar(&cfg.duration, "duration", 60*time.Second, "how long readers and commenters run")
	flag.DurationVar(&cfg.burst, "burst", 2*time.Second, "how long into the final burst of comments the server is killed")
	flag.IntVar(&cfg.commenters, "commenters", 100, "concurrent commenters")
	flag.IntVar(&cfg.readers, "readers", 20, "concurrent readers")
	flag.StringVar(&cfg.moderation, "moderation", models.ModerateNone, "moderation mode: none (publish at once), unknown or all")
	flag.Parse()
	if cfg.bin == "" || cfg.dir == "" {
		return errors.New("-bin and -dir are required")
	}
	ctx := context.Background()
	dbPath := filepath.Join(cfg.dir, "news.db")
	if err := prepare(ctx, dbPath, cfg.moderation); err != nil {
		return err
	}
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	srv, err := start(cfg, addr, dbPath, "server-1.log")
	if err != nil {
		return err
	}
	defer srv.Process.Kill()
	base := "http://" + addr
	l := newLoad(base)
	articles, err := l.commentableArticles(ctx, dbPath)
	if err != nil {
		return err
	}
	fmt.Printf("soak: %d readers and %d commenters for %s against %s (moderation %q, %d articles open to comments)\n",
		cfg.readers, cfg.commenters, cfg.duration, base, cfg.moderation, len(articles))

	readCtx, stopReaders := context.WithCancel(ctx)
	postCtx, stopPosters := context.WithCancel(ctx)
	defer stopPosters()
	var wg sync.WaitGroup
	for i := range cfg.readers {
		wg.Add(1)
		go func() { defer wg.Done(); l.reader(readCtx, i, articles) }()
	}
	for i := range cfg.commenters {
		wg.Add(1)
		go func() { defer wg.Done(); l.commenter(postCtx, i, articles) }()
	}
	began := time.Now()
	time.Sleep(cfg.duration)
	stopReaders()
	steady := l.snapshot(time.Since(began))
	// The commenters go on alone: a burst of writes, killed in its middle.
	time.Sleep(cfg.burst)
	inFlight := l.inFlight.Load()
	if err := srv.Process.Signal(syscall.SIGKILL); err != nil {
		return err
	}
	killedAt := time.Since(began)
	srv.Wait()
	stopPosters()
	wg.Wait()
	final := l.snapshot(killedAt)

	srv2, err := start(cfg, addr, dbPath, "server-2.log")
	if err != nil {
		return fmt.Errorf("restart after SIGKILL: %w", err)
	}
	restartOK := l.get(ctx, base+"/") == http.StatusOK
	srv2.Process.Signal(syscall.SIGTERM)
	srv2.Wait()

	found, err := storedTokens(ctx, dbPath)
	if err != nil {
		return err
	}
	acked := l.ackedTokens()
	var lost []string
	for _, tok := range acked {
		if !found[tok] {
			lost = append(lost, tok)
		}
	}
	verdict, err := db.IntegrityCheck(ctx, dbPath)
	if err != nil {
		return err
	}
	report(cfg, steady, final, inFlight, len(acked), len(acked)-len(lost), lost, len(found), restartOK, verdict)
	if len(lost) > 0 || verdict != "ok" || final.fivexx > 0 || !restartOK {
		return errors.New("soak failed")
	}
	return nil
}

// prepare makes a new database with the demo content and the chosen
// moderation mode, the way the binary would on its first start.
func prepare(ctx context.Context, path, moderation string) error {
	d, err := db.Open(path)
	if err != nil {
		return err
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		return err
	}
	content, err := db.DemoContent()
	if err != nil {
		return err
	}
	if err := models.SeedDemo(ctx, d, content, time.Now()); err != nil {
		return err
	}
	settings := models.NewSettingsStore(d)
	st, err := settings.Get(ctx)
	if err != nil {
		return err
	}
	st.ModerationMode = moderation
	st.AutoCloseDays = 0
	return settings.Save(ctx, st)
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// start runs the binary on addr and waits until it answers.
func start(cfg config, addr, dbPath, logName string) (*exec.Cmd, error) {
	logf, err := os.Create(filepath.Join(cfg.dir, logName))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(cfg.bin, "--addr", addr, "--db", dbPath, "--no-demo", "--trusted-proxy", "127.0.0.1")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get("http://" + addr + "/"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return cmd, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	cmd.Process.Kill()
	return nil, fmt.Errorf("server on %s did not answer within 30 s (see %s)", addr, logName)
}

var tokenRe = regexp.MustCompile(`soak-[0-9]+-[0-9]+`)

// storedTokens returns the token of every comment in the database.
func storedTokens(ctx context.Context, path string) (map[string]bool, error) {
	conn, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, `SELECT body_html FROM comments WHERE body_html LIKE '%soak-%'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	found := map[string]bool{}
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		for _, t := range tokenRe.FindAllString(body, -1) {
			found[t] = true
		}
	}
	return found, rows.Err()
}

func report(cfg config, steady, final stats, inFlight int64, acked, kept int, lost []string, stored int, restartOK bool, verdict string) {
	fmt.Printf("\n== steady load, %s (%d readers, %d commenters)\n", steady.elapsed.Round(time.Millisecond), cfg.readers, cfg.commenters)
	steady.print()
	fmt.Printf("\n== whole run to the SIGKILL, %s (the last %s commenters only)\n", final.elapsed.Round(time.Millisecond), cfg.burst)
	final.print()
	fmt.Printf("\n== crash and restart\n")
	fmt.Printf("requests in flight at the SIGKILL:      %d\n", inFlight)
	fmt.Printf("comments acknowledged (303) before it: %d\n", acked)
	fmt.Printf("of those in the database after restart: %d (lost: %d)\n", kept, len(lost))
	if len(lost) > 0 {
		fmt.Printf("lost tokens (first 10): %v\n", lost[:min(10, len(lost))])
	}
	fmt.Printf("soak comments stored in all:             %d (the extra ones were in flight at the kill: stored, never acknowledged)\n", stored)
	fmt.Printf("restarted and served the front page:     %v\n", restartOK)
	fmt.Printf("PRAGMA integrity_check:                  %s\n", verdict)
}

// stats is what the load saw up to a moment.
type stats struct {
	elapsed                time.Duration
	requests, fivexx, errs int64
	reads, posts, accepted int64
	status                 map[int]int64
	readP50, readP99       time.Duration
	postP50, postP99       time.Duration
}

func (s stats) print() {
	secs := s.elapsed.Seconds()
	fmt.Printf("requests served:     %d (%.0f/s)\n", s.requests, float64(s.requests)/secs)
	fmt.Printf("5xx answers:         %d\n", s.fivexx)
	fmt.Printf("transport errors:    %d (connections refused or cut, e.g. by the kill)\n", s.errs)
	fmt.Printf("page reads:          %d (%.0f/s), p50 %s, p99 %s\n", s.reads, float64(s.reads)/secs, s.readP50, s.readP99)
	fmt.Printf("comment posts:       %d, accepted with 303: %d (%.1f%%), %.1f accepted/s, p50 %s, p99 %s\n",
		s.posts, s.accepted, 100*float64(s.accepted)/float64(max(s.posts, 1)), float64(s.accepted)/secs, s.postP50, s.postP99)
	var codes []int
	for c := range s.status {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	var parts []string
	for _, c := range codes {
		parts = append(parts, fmt.Sprintf("%d: %d", c, s.status[c]))
	}
	fmt.Printf("statuses:            %s\n", strings.Join(parts, ", "))
}

// load drives the site and counts what it answers.
type load struct {
	base     string
	client   *http.Client
	seq      atomic.Int64
	inFlight atomic.Int64

	mu      sync.Mutex
	status  map[int]int64
	errs    int64
	readDur []time.Duration
	postDur []time.Duration
	posts   int64
	acked   []string
}

func newLoad(base string) *load {
	tr := &http.Transport{MaxIdleConns: 500, MaxIdleConnsPerHost: 500, IdleConnTimeout: 30 * time.Second}
	return &load{
		base: base,
		client: &http.Client{Transport: tr, Timeout: 30 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		status: map[int]int64{},
	}
}

// commentableArticles lists the published articles whose page shows the
// comment form.
func (l *load) commentableArticles(ctx context.Context, dbPath string) ([]string, error) {
	conn, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, `SELECT c.slug, a.slug FROM articles a JOIN categories c ON c.id = a.category_id
		WHERE a.status = 'published'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var paths []string
	for rows.Next() {
		var sec, slug string
		if err := rows.Scan(&sec, &slug); err != nil {
			return nil, err
		}
		paths = append(paths, "/"+sec+"/"+slug)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var open []string
	for _, p := range paths {
		res, err := l.client.Get(l.base + p)
		if err != nil {
			return nil, err
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if strings.Contains(string(b), `action="`+p+`/comments`) {
			open = append(open, p)
		}
	}
	if len(open) == 0 {
		return nil, errors.New("no article takes comments")
	}
	return open, nil
}

func (l *load) record(status int, d time.Duration, read bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if status == 0 {
		l.errs++
		return
	}
	l.status[status]++
	if read {
		l.readDur = append(l.readDur, d)
	} else {
		l.postDur = append(l.postDur, d)
	}
}

func (l *load) get(ctx context.Context, u string) int {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	res, err := l.client.Do(req)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// reader reads like a visitor: the front page, articles, sections.
func (l *load) reader(ctx context.Context, n int, articles []string) {
	r := rand.New(rand.NewPCG(uint64(n), 1))
	pages := append([]string{"/", "/", "/?page=2"}, articles...)
	for ctx.Err() == nil {
		p := pages[r.IntN(len(pages))]
		t := time.Now()
		st := l.get(ctx, l.base+p)
		if ctx.Err() != nil && st == 0 {
			return
		}
		l.record(st, time.Since(t), true)
	}
}

// commenter posts comments one after another, each from a new client
// address (sent in X-Forwarded-For to the trusted proxy address), each
// with a unique token in its text.
func (l *load) commenter(ctx context.Context, n int, articles []string) {
	r := rand.New(rand.NewPCG(uint64(n), 2))
	for ctx.Err() == nil {
		i := l.seq.Add(1)
		tok := fmt.Sprintf("soak-%d-%d", n, i)
		form := url.Values{
			"name":    {fmt.Sprintf("Soak Reader %d", n)},
			"comment": {fmt.Sprintf("A comment from the soak test, number %d.\n\nIts token is %s.", i, tok)},
		}
		p := articles[r.IntN(len(articles))]
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, l.base+p+"/comments", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
		t := time.Now()
		l.inFlight.Add(1)
		res, err := l.client.Do(req)
		l.inFlight.Add(-1)
		l.mu.Lock()
		l.posts++
		l.mu.Unlock()
		if err != nil {
			l.record(0, 0, false)
			time.Sleep(50 * time.Millisecond) // the server is down: do not spin
			continue
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		l.record(res.StatusCode, time.Since(t), false)
		if res.StatusCode == http.StatusSeeOther {
			l.mu.Lock()
			l.acked = append(l.acked, tok)
			l.mu.Unlock()
		}
	}
}

func (l *load) ackedTokens() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.acked)
}

func (l *load) snapshot(elapsed time.Duration) stats {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := stats{elapsed: elapsed, status: map[int]int64{}, errs: l.errs, posts: l.posts,
		reads: int64(len(l.readDur)), accepted: int64(len(l.acked))}
	for c, n := range l.status {
		s.status[c] = n
		s.requests += n
		if c >= 500 {
			s.fivexx += n
		}
	}
	s.readP50, s.readP99 = percentiles(l.readDur)
	s.postP50, s.postP99 = percentiles(l.postDur)
	return s
}

func percentiles(d []time.Duration) (p50, p99 time.Duration) {
	if len(d) == 0 {
		return 0, 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2].Round(time.Microsecond), s[len(s)*99/100].Round(time.Microsecond)
}
