package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// defaultChromium is where Debian's chromium package puts the browser.
const defaultChromium = "/usr/bin/chromium"

// suite is what every journey shares: the news binary built once and one
// headless Chromium. Each journey starts its own server on its own database
// and uses its own browser context (its own cookies), so journeys share no
// data and one failure does not cascade.
type suite struct {
	bin     string          // the news binary
	browser context.Context // a chromedp context that owns the running browser
	shots   string          // folder the screenshots go to

	axeOnce sync.Once
	axeJS   string
	axeErr  error
}

// TestBrowser runs the journeys of the news site in headless Chromium. Run
// one journey with, for example, go test ./e2e -run 'TestBrowser/reader'.
func TestBrowser(t *testing.T) {
	s := newSuite(t)
	journeys := []struct {
		name string
		run  func(t *testing.T, s *suite)
	}{
		{"harness", harnessJourney},
		{"reader", readerJourney},
		{"phone", phoneJourney},
		{"newspaper", newspaperJourney},
		{"twelve-sections", twelveSectionsJourney},
		{"validator", validatorJourney},
		{"accessibility", accessibilityJourney},
		{"comment", commentJourney},
		{"signin", signInJourney},
		{"editor", editorJourney},
		{"author", authorJourney},
		{"pictures", picturesJourney},
		{"review", reviewJourney},
		{"newsroom-phone", newsroomPhoneJourney},
		{"live", liveJourney},
	}
	for _, j := range journeys {
		t.Run(j.name, func(t *testing.T) {
			t.Parallel()
			j.run(t, s)
		})
	}
}

// newSuite skips when NEWS_SKIP_E2E=1, and otherwise builds the binary and
// starts the browser. A missing browser is a failure, never a silent skip.
func newSuite(t *testing.T) *suite {
	t.Helper()
	if skipE2E(t) {
		banner := "!!! NEWS_SKIP_E2E=" + os.Getenv("NEWS_SKIP_E2E") + ": SKIPPING ALL BROWSER TESTS (journeys, phone layout, accessibility) !!!"
		fmt.Fprintln(os.Stderr, banner)
		t.Skip(banner)
	}
	chromium := os.Getenv("NEWS_CHROMIUM")
	if chromium == "" {
		chromium = defaultChromium
	}
	if _, err := exec.LookPath(chromium); err != nil {
		t.Fatalf("Chromium not found at %s (%v): install it (apt-get install -y chromium), "+
			"point NEWS_CHROMIUM at it, or set NEWS_SKIP_E2E=1 to skip the browser tests", chromium, err)
	}
	s := &suite{bin: buildBinary(t), shots: screenshotDir(t)}
	s.browser = startBrowser(t, chromium)
	return s
}

// skipE2E reads NEWS_SKIP_E2E with the server's rule for yes/no settings
// (1/true/yes, 0/false/no, any case); another value fails rather than
// running or skipping by accident.
func skipE2E(t *testing.T) bool {
	switch v := strings.ToLower(strings.TrimSpace(os.Getenv("NEWS_SKIP_E2E"))); v {
	case "1", "true", "yes":
		return true
	case "", "0", "false", "no":
		return false
	}
	t.Fatalf("NEWS_SKIP_E2E=%q: use 1, true or yes to skip the browser tests, 0, false or no to run them", os.Getenv("NEWS_SKIP_E2E"))
	return false
}

// buildBinary builds the news binary from the module root into a temporary
// folder, exactly as a deployment would build it.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "news")
	start := time.Now()
	n, err := readSources("..")
	if err != nil {
		t.Fatalf("reading the sources: %v", err)
	}
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built %s from %d source files in %v", bin, n, time.Since(start).Round(time.Millisecond))
	return bin
}

// readSources opens every file the binary is built from. go test caches a
// passing result until a file the test opened changes; the build runs in
// another process, so without this a changed template or handler would
// leave a stale cached pass.
func readSources(root string) (int, error) {
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "e2e" || name == "data" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(name) {
		case ".go", ".html", ".css", ".js", ".svg", ".sql", ".json", ".mod", ".sum":
			if _, err := os.ReadFile(path); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// startBrowser starts headless Chromium with a temporary profile and returns
// a context that owns it; the browser stops when the test ends.
func startBrowser(t *testing.T, chromium string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.WindowSize(1280, 900),
	}
	if os.Geteuid() == 0 {
		// Chromium refuses to run its sandbox as root (containers, CI).
		opts = append(opts, chromedp.NoSandbox)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	start := time.Now()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium (%s): %v", chromium, err)
	}
	t.Logf("started Chromium in %v", time.Since(start).Round(time.Millisecond))
	return ctx
}

// screenshotDir is where screenshots go: $NEWS_E2E_SCREENSHOTS, or
// e2e/screenshots (ignored by git).
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NEWS_E2E_SCREENSHOTS")
	if dir == "" {
		dir = "screenshots"
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		t.Fatalf("screenshot folder: %v", err)
	}
	return abs
}

// oneLine shortens s to one line for messages.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
