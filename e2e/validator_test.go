package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// vnuVersion is the Nu HTML Checker (vnu-jar on npm) the saved pages are
// checked with; it runs on Java (Debian's default-jre-headless).
const vnuVersion = "26.9.27"

// readerPageTypes are the kinds of reader page, each at one address of the
// demo site, with the status it answers: article is the lead story's
// address, comment the id of one of its comments (for its Reply view).
func readerPageTypes(article, comment string) []struct {
	name, path string
	status     int
} {
	return []struct {
		name, path string
		status     int
	}{
		{"front", "/", 200},
		{"article", article, 200},
		{"article-reply", article + "?reply=" + comment, 200},
		{"section", "/category/world-news", 200},
		{"tag", "/tag/climate", 200},
		{"author", "/author/maria-okafor", 200},
		{"search", "/search?q=climate", 200},
		{"page", "/about", 200},
		{"corrections", "/corrections", 200},
		{"not-found", "/world-news/no-such-story", 404},
	}
}

// validatorJourney saves a copy of each reader page type as the server
// sends it and checks them all with the Nu HTML Checker: no errors.
func validatorJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatalf("java is needed for the Nu HTML Checker (apt-get install -y default-jre-headless): %v", err)
	}
	dir, err := npmPackage("vnu-jar", vnuVersion)
	if err != nil {
		t.Fatalf("vnu-jar: %v", err)
	}
	front := fetchPage(t, st.URL+"/", 200)
	article := regexp.MustCompile(`class="lead-title"><a href="([^"]+)"`).FindStringSubmatch(front)
	if article == nil {
		t.Fatal("no lead story on the front page")
	}
	comment := regexp.MustCompile(`id="comment-(\d+)"`).FindStringSubmatch(fetchPage(t, st.URL+article[1], 200))
	if comment == nil {
		t.Fatal("the lead story has no comments")
	}
	saved := t.TempDir()
	var files []string
	for _, p := range readerPageTypes(article[1], comment[1]) {
		f := filepath.Join(saved, p.name+".html")
		if err := os.WriteFile(f, []byte(fetchPage(t, st.URL+p.path, p.status)), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// A planted page with a known error proves the check can fail.
	planted := filepath.Join(saved, "planted.html")
	os.WriteFile(planted, []byte(`<!doctype html><html lang="en"><head><title>x</title></head><body><p id="a"></p><p id="a"></p></body></html>`), 0o644)
	files = append(files, planted)
	cmd := exec.Command(java, append([]string{"-jar", filepath.Join(dir, "build", "dist", "vnu.jar"),
		"--errors-only", "--format", "json"}, files...)...)
	out, _ := cmd.CombinedOutput() // exit status 1 means errors, read below
	var res struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine                    int
		}
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("reading the checker's report: %v\n%s", err, out)
	}
	caught := false
	for _, m := range res.Messages {
		if strings.HasSuffix(m.URL, "/planted.html") {
			caught = caught || strings.Contains(m.Message, "Duplicate ID")
			continue
		}
		if m.Type == "error" || m.Type == "non-document-error" {
			t.Errorf("%s line %d: %s\n    %s", filepath.Base(m.URL), m.LastLine, m.Message, oneLine(m.Extract))
		}
	}
	if !caught {
		t.Errorf("the checker did not report the planted duplicate id; its report:\n%s", out)
	}
	t.Logf("Nu HTML Checker %s: %d page types checked", vnuVersion, len(files)-1)
}

// fetchPage gets url as a plain HTTP client and wants status.
func fetchPage(t *testing.T, url string, status int) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != status || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET %s: %d %s, want %d HTML", url, res.StatusCode, res.Header.Get("Content-Type"), status)
	}
	return string(b)
}
