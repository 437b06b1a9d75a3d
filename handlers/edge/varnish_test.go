package edge_test

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// TestThroughVarnish runs the real binary behind varnishd with the shipped
// VCL and shows, through Varnish, that pages are served from it, and that
// an approved comment and an edit purge exactly the pages that show them.
// NEWS_SKIP_E2E=1 skips it; a missing varnishd fails it.
func TestThroughVarnish(t *testing.T) {
	if os.Getenv("NEWS_SKIP_E2E") == "1" {
		t.Skip("NEWS_SKIP_E2E=1")
	}
	varnishd, err := exec.LookPath("varnishd")
	if err != nil {
		if varnishd, err = exec.LookPath("/usr/sbin/varnishd"); err != nil {
			t.Fatal("varnishd is not installed (Debian: apt-get install varnish varnish-modules)")
		}
	}
	dir := worldReadableDir(t)
	bin := filepath.Join(dir, "news")
	build := exec.Command("go", "build", "-o", bin, "github.com/newsroom/news")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sitePort, edgePort := freePort(t), freePort(t)
	dbPath := filepath.Join(dir, "news.db")
	site := exec.Command(bin, "--addr", "127.0.0.1:"+sitePort, "--db", dbPath,
		"--purge-style", "varnish", "--purge-url", "http://127.0.0.1:"+edgePort)
	var origin originLog
	site.Stdout, site.Stderr = &origin, &origin
	start(t, site)
	waitUp(t, "http://127.0.0.1:"+sitePort+"/")

	vcl, err := exec.Command(bin, "vcl", "--backend", "127.0.0.1:"+sitePort).Output()
	if err != nil {
		t.Fatal(err)
	}
	vclPath := filepath.Join(dir, "news.vcl")
	if err := os.WriteFile(vclPath, vcl, 0o644); err != nil {
		t.Fatal(err)
	}
	edge := exec.Command(varnishd, "-F", "-a", "127.0.0.1:"+edgePort, "-f", vclPath,
		"-n", filepath.Join(dir, "varnish"), "-s", "malloc,64m")
	var edgeLog originLog
	edge.Stdout, edge.Stderr = &edgeLog, &edgeLog
	start(t, edge)
	base := "http://127.0.0.1:" + edgePort
	waitUp(t, base+"/")

	ctx := context.Background()
	store, err := models.Open(ctx, dbPath, models.Options{}) // another process's view, as a moderator's would be
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	articles := store.Articles
	latest, err := articles.Latest(ctx, 8)
	if err != nil || len(latest) < 8 {
		t.Fatalf("latest articles: %v (%d)", err, len(latest))
	}
	// Older articles than Latest posts, so that each page shows few others.
	list, _, err := articles.ListPublished(ctx, models.ListFilter{}, 3)
	if err != nil || len(list) < 3 {
		t.Fatalf("older articles: %v", err)
	}
	a, b := list[0], list[2]

	// Served from Varnish: Age grows, the origin is asked once.
	get(t, base+a.URL())
	time.Sleep(1100 * time.Millisecond) // the origin has logged that request
	asked := origin.count(a.URL())
	res := get(t, base+a.URL())
	if age, _ := strconv.Atoi(res.Header.Get("Age")); age < 1 || res.Header.Get("X-Edge") != "hit" {
		t.Errorf("second fetch: Age %q, X-Edge %q; want a hit at least a second old", res.Header.Get("Age"), res.Header.Get("X-Edge"))
	}
	if res.Header.Get("xkey") != "" || res.Header.Get("Surrogate-Control") != "" {
		t.Error("Varnish passes the tag header or Surrogate-Control on to clients")
	}
	time.Sleep(200 * time.Millisecond)
	if n := origin.count(a.URL()); n != asked || asked == 0 {
		t.Errorf("the origin was asked for %s %d times more", a.URL(), n-asked)
	}

	// A comment approved by a moderator shows on the article; another
	// article stays served from Varnish.
	get(t, base+b.URL())
	comments := store.Comments
	st, err := store.Settings.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.ModerationMode = models.ModerateAll
	c, err := comments.Create(ctx, models.CommentInput{ArticleID: a.ID, Name: "Rita", Body: "Seen through the edge.",
		IP: "192.0.2.7", Now: time.Now()}, st)
	if err != nil || c.Status != models.CommentPending {
		t.Fatalf("held comment: %v, %q", err, c.Status)
	}
	if body := read(t, base+a.URL()); strings.Contains(body, "Seen through the edge.") {
		t.Fatal("a held comment is shown")
	}
	approved := time.Now()
	if _, err := comments.SetStatus(ctx, []int64{c.ID}, models.CommentApproved); err != nil {
		t.Fatal(err)
	}
	for !strings.Contains(read(t, base+a.URL()), "Seen through the edge.") {
		if time.Since(approved) > 10*time.Second {
			t.Fatal("the approved comment did not show through Varnish within 10 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("approved comment shown through Varnish after %v", time.Since(approved).Round(time.Millisecond))
	if res := get(t, base+b.URL()); res.Header.Get("X-Edge") != "hit" {
		t.Errorf("%s was purged by a comment on another article", b.URL())
	}

	// Editing an article purges only the pages that show it.
	other := base + b.URL()
	full, err := articles.ByID(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	get(t, base+a.URL())
	get(t, other)
	in := models.ArticleInput{Title: "Edited at the edge", Slug: full.Slug, Summary: full.Summary, BodyMD: full.BodyMD,
		CategoryID: full.Category.ID, AuthorID: full.Author.ID, Status: full.Status, CommentsOpen: full.CommentsOpen,
		Featured: full.Featured, PublishedAt: full.PublishedAt}
	if _, err := articles.UpdateEdited(ctx, a.ID, full.Version, in, models.Editor{Note: "edited"}); err != nil {
		t.Fatal(err)
	}
	edited := time.Now()
	for !strings.Contains(read(t, base+a.URL()), "Edited at the edge") {
		if time.Since(edited) > 10*time.Second {
			t.Fatal("the edit did not show through Varnish within 10 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("edit shown through Varnish after %v", time.Since(edited).Round(time.Millisecond))
	if res := get(t, other); res.Header.Get("X-Edge") != "hit" {
		t.Errorf("%s, which does not show the edited article, was purged", b.URL())
	}
	// A PURGE from outside the ACL is refused; one from it is obeyed.
	req, _ := http.NewRequest("PURGE", base+"/", nil)
	req.Header.Set("xkey-purge", "chrome")
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusOK {
		t.Errorf("PURGE from the ACL: %v %v", err, res)
	}
}

// originLog counts the requests a server logs, by path.
type originLog struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *originLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *originLog) count(path string) int {
	l.mu.Lock()
	s := l.buf.String()
	l.mu.Unlock()
	n := 0
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		if strings.Contains(sc.Text(), "msg=request") && strings.Contains(sc.Text(), "path="+path+" ") {
			n++
		}
	}
	return n
}

func worldReadableDir(t *testing.T) string {
	t.Helper()
	// varnishd, started as root, drops to the varnish user, which must
	// read the VCL: a folder of its own that anyone may enter.
	dir, err := os.MkdirTemp("", "news-varnish-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

func start(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
		}
	})
}

func waitUp(t *testing.T, url string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
	}
	t.Fatalf("%s did not answer", url)
}

func get(t *testing.T, url string) *http.Response {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", url, res.StatusCode)
	}
	return res
}

func read(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	if _, err := bufio.NewReader(res.Body).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
