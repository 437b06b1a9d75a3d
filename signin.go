package main

import (
	"context"
	"log/slog"
	"net"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/models"
)

// sessionKeys returns the keys that sign and encrypt sign-in cookies: from
// NEWS_SESSION_KEYS when set, else a secret made once and kept in the
// database, so a restart keeps people signed in.
func sessionKeys(ctx context.Context, store *db.DB, getenv func(string) string) ([][]byte, error) {
	if v := getenv("NEWS_SESSION_KEYS"); v != "" {
		secrets, err := newsroom.ParseSessionSecrets(v)
		if err != nil {
			return nil, err
		}
		return newsroom.SessionKeyPairs(secrets), nil
	}
	secret, err := models.LoadOrCreateSecret(ctx, store, "session_key", newsroom.MinSessionSecret)
	if err != nil {
		return nil, err
	}
	return newsroom.SessionKeyPairs([][]byte{secret}), nil
}

// announceSetup prints a one-time link to create the first admin when no
// one can sign in yet. Each start makes a new link and voids the old one;
// only the token's hash is stored.
func announceSetup(ctx context.Context, stores *models.Stores, baseURL string, logger *slog.Logger) error {
	n, err := stores.Users.CountAccounts(ctx)
	if err != nil || n > 0 {
		return err
	}
	token, err := stores.Setup.Issue(ctx)
	if err != nil {
		return err
	}
	logger.Info("no account can sign in yet: open this one-time link to create the first admin (it works once, for 24 hours)",
		"url", baseURL+"/admin/setup?token="+token)
	return nil
}

// siteURL is the address people reach this server at, for links printed
// to the log.
func siteURL(cfg config) string {
	scheme := "http"
	if cfg.tlsCert != "" {
		scheme = "https"
	}
	host, port, err := net.SplitHostPort(cfg.addr)
	if err != nil {
		return scheme + "://" + cfg.addr
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return scheme + "://" + net.JoinHostPort(host, port)
}
