package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// startSite runs the real program on a free port and returns its address
// and a function that stops it and returns run's error.
func startSite(t *testing.T, args ...string) (string, func() error) {
	t.Helper()
	return startSiteEnv(t, func(string) string { return "" }, args...)
}

// startSiteEnv is startSite with the environment getenv gives.
func startSiteEnv(t *testing.T, getenv func(string) string, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"--addr", "127.0.0.1:0"}, args...), getenv, pw)
		pw.Close()
	}()
	addrRe := regexp.MustCompile(`msg=serving addr=(https?://\S+)`)
	lines := bufio.NewScanner(pr)
	var addr string
	for lines.Scan() {
		if m := addrRe.FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
			break
		}
	}
	if addr == "" {
		cancel()
		t.Fatalf("site did not start: %v", <-done)
	}
	go io.Copy(io.Discard, pr)
	return addr, func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(20 * time.Second):
			t.Fatal("site did not shut down")
			return nil
		}
	}
}

func TestRunServesDemoSiteAndShutsDown(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "sub", "news.db")
	addr, stop := startSite(t, "--db", dbPath)
	res, err := http.Get(addr + "/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "Sources By") {
		t.Errorf("seed article: status %d", res.StatusCode)
	}
	if err := stop(); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if _, err := os.Stat(dbPath); err != nil {
		t.Errorf("database file not created: %v", err)
	}
	// A second start on the same file keeps the content and seeds nothing twice.
	addr, stop = startSite(t, "--db", dbPath)
	res, err = http.Get(addr + "/category/world-news")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if n := strings.Count(string(body), "Kim Jong Un to Visit Russia"); n != 1 {
		t.Errorf("after restart the seed article is listed %d times", n)
	}
	stop()
}

func TestRunNoDemoStartsEmpty(t *testing.T) {
	addr, stop := startSite(t, "--db", filepath.Join(t.TempDir(), "news.db"), "--no-demo")
	defer stop()
	res, err := http.Get(addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), "Nothing published yet") {
		t.Error("--no-demo site is not empty")
	}
}

func TestBadFlagIsAnError(t *testing.T) {
	err := run(context.Background(), []string{"--no-such-flag"}, func(string) string { return "" }, io.Discard)
	if err == nil {
		t.Error("unknown flag accepted")
	}
}

func TestEnvironmentFallbacks(t *testing.T) {
	env := map[string]string{"NEWS_ADDR": "127.0.0.1:9999", "NEWS_DB": "/tmp/x.db"}
	cfg, err := parseConfig(nil, func(k string) string { return env[k] }, io.Discard)
	if err != nil || cfg.addr != "127.0.0.1:9999" || cfg.dbPath != "/tmp/x.db" {
		t.Errorf("config from environment = %+v, %v", cfg, err)
	}
	cfg, _ = parseConfig([]string{"--addr", ":1"}, func(k string) string { return env[k] }, io.Discard)
	if cfg.addr != ":1" {
		t.Errorf("flag did not override environment: %q", cfg.addr)
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "news.db")
	addr, stop := startSite(t, "--db", dbPath)
	defer stop()
	var out strings.Builder
	target := filepath.Join(dir, "copy.db")
	if err := backupCommand(context.Background(), []string{"--db", dbPath, target}, func(string) string { return "" }, nil, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "integrity check: ok") {
		t.Errorf("backup said %q", out.String())
	}
	// The copy starts the site with the same content.
	addr2, stop2 := startSite(t, "--db", target)
	defer stop2()
	for _, a := range []string{addr, addr2} {
		res, err := http.Get(a + "/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin")
		if err != nil || res.StatusCode != 200 {
			t.Errorf("%s: %v", a, err)
		}
		if res != nil {
			res.Body.Close()
		}
	}
	if err := backupCommand(context.Background(), []string{"--db", dbPath}, func(string) string { return "" }, nil, io.Discard); err == nil {
		t.Error("backup without a file name succeeded")
	}
}

func TestAccountAddedBeforeFirstStartStillGetsDemoContent(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "news.db")
	err := userCommand(context.Background(), []string{"add", "--db", dbPath, "--email", "ed@example.com", "--name", "Ed Itor", "--role", "admin"},
		func(string) string { return "" }, strings.NewReader("a long enough password\n"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	addr, stop := startSite(t, "--db", dbPath)
	defer stop()
	res, err := http.Get(addr + "/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("seed article after user add: status %d", res.StatusCode)
	}
}
