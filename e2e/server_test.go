package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

// site is one running news binary on its own temporary database.
type site struct {
	URL    string // http://127.0.0.1:PORT, no trailing slash
	DBPath string
	bin    string
	log    *syncBuffer
}

// syncBuffer collects the server's output; the process writes to it while
// the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startSite fills a new database with the demo content, lets prepare add
// what the journey needs (nil for nothing), then starts the binary on a free
// loopback port and waits until it answers. The server stops, and must stop
// cleanly, when the test ends; its log is printed if the test failed.
func startSite(t *testing.T, s *suite, prepare func(ctx context.Context, d *db.DB) error) *site {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), "news.db")
	seed(t, dbPath, prepare)
	var lastErr error
	// The port is free when we pick it but another process could take it
	// before the server binds it, so try again with a new port.
	for range 3 {
		st, err := launch(t, s.bin, dbPath)
		if err == nil {
			return st
		}
		lastErr = err
	}
	t.Fatalf("starting the news binary: %v", lastErr)
	return nil
}

// seed creates and migrates the database with the demo content dated from
// now, as the binary itself does on first start, then runs prepare.
func seed(t *testing.T, dbPath string, prepare func(ctx context.Context, d *db.DB) error) {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	content, err := db.DemoContent()
	if err != nil {
		t.Fatal(err)
	}
	if err := models.SeedDemo(ctx, d, content, time.Now()); err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		if err := prepare(ctx, d); err != nil {
			t.Fatalf("preparing the database: %v", err)
		}
	}
}

// launch starts the binary once and waits for it to serve.
func launch(t *testing.T, bin, dbPath string) (*site, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	st := &site{URL: "http://" + addr, DBPath: dbPath, bin: bin, log: &syncBuffer{}}
	cmd := exec.Command(bin, "--addr", addr, "--db", dbPath, "--no-demo")
	cmd.Stdout, cmd.Stderr = st.log, st.log
	cmd.Env = append(os.Environ(), "NEWS_ADDR=", "NEWS_DB=")
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	if err := waitServing(st.URL, exited); err != nil {
		cmd.Process.Kill()
		<-exited
		return nil, fmt.Errorf("%w\n%s", err, st.log)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("server log (%s):\n%s", st.URL, tail(st.log.String(), 60))
		}
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("server did not shut down cleanly: %v\n%s", err, tail(st.log.String(), 20))
			}
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			<-exited
			t.Errorf("server still running 15s after SIGTERM")
		}
	})
	return st, nil
}

// freeAddr returns a loopback address with a port that is free right now.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// waitServing polls the front page until it answers 200, the process exits,
// or 30 seconds pass.
func waitServing(url string, exited <-chan error) error {
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("server exited before serving: %v", err)
		default:
		}
		res, err := client.Get(url + "/")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("server did not answer within 30s")
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
