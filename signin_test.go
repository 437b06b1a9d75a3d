package main

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/newsroom/news/models"
)

func TestSetupLinkIsPrintedOnlyWithoutAccounts(t *testing.T) {
	ctx := context.Background()
	var log bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&log, nil))
	store, err := models.Open(ctx, filepath.Join(t.TempDir(), "news.db"), models.Options{Demo: true, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	log.Reset()
	if err := announceSetup(ctx, store, siteURL(config{addr: ":8080"}), logger); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`http://localhost:8080/admin/setup\?token=([A-Za-z0-9_-]{43})`).FindStringSubmatch(log.String())
	if m == nil {
		t.Fatalf("no setup link in %q", log.String())
	}
	if err := store.Setup.Check(ctx, m[1]); err != nil {
		t.Errorf("the printed link does not work: %v", err)
	}
	if _, err := store.Users.CreateAccount(ctx, models.UserInput{
		Email: "ed@newsroom.example", Name: "Ed", Role: models.RoleAdmin}, "long enough password"); err != nil {
		t.Fatal(err)
	}
	log.Reset()
	if err := announceSetup(ctx, store, siteURL(config{addr: ":8080"}), logger); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(log.Bytes(), []byte("setup")) {
		t.Errorf("a link was printed although an account exists: %q", log.String())
	}
}

func TestSiteURL(t *testing.T) {
	for _, tt := range []struct{ addr, cert, want string }{
		{"localhost:8080", "", "http://localhost:8080"},
		{":8080", "", "http://localhost:8080"},
		{"0.0.0.0:443", "c.pem", "https://localhost:443"},
		{"news.example:8443", "c.pem", "https://news.example:8443"},
	} {
		if got := siteURL(config{addr: tt.addr, tlsCert: tt.cert}); got != tt.want {
			t.Errorf("siteURL(%q) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}
