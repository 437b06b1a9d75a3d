package main

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

func TestHelpPrintsUsageAndExitsZero(t *testing.T) {
	noenv := func(string) string { return "" }
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--help"}, "news user add --email E"},
		{[]string{"-h"}, "-secure-cookies"},
		{[]string{"user", "--help"}, "usage: news user add"},
		{[]string{"user", "add", "--help"}, "-email"},
		{[]string{"user", "add", "-h"}, "asked for twice, hidden"},
		{[]string{"backup", "--help"}, "-db"},
		{[]string{"demo", "--help"}, "-seed"},
	} {
		var out, errOut bytes.Buffer
		code := cli(context.Background(), tt.args, noenv, strings.NewReader(""), &out, &errOut)
		if code != 0 || !strings.Contains(out.String(), tt.want) || errOut.Len() != 0 {
			t.Errorf("news %s: exit %d, stdout has %q: %v, stderr %q",
				strings.Join(tt.args, " "), code, tt.want, strings.Contains(out.String(), tt.want), errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := cli(context.Background(), []string{"--no-such-flag"}, noenv, nil, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), "news: flag provided but not defined: -no-such-flag") {
		t.Errorf("a bad flag: exit %d, stderr %q", code, errOut.String())
	}
}

func TestSecureCookiesSetting(t *testing.T) {
	for _, bad := range []string{"maybe", "on", "2"} {
		env := func(k string) string { return map[string]string{"NEWS_SECURE_COOKIES": bad}[k] }
		err := run(context.Background(), []string{"--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "news.db")}, env, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "NEWS_SECURE_COOKIES") {
			t.Errorf("NEWS_SECURE_COOKIES=%s: run returned %v, want a refusal naming the variable", bad, err)
		}
	}
	for value, secure := range map[string]bool{"1": true, "Yes": true, "0": false, "": false} {
		dbPath := filepath.Join(t.TempDir(), "news.db")
		addUser(t, dbPath, "ed@newsroom.example", "long enough password")
		env := func(k string) string { return map[string]string{"NEWS_SECURE_COOKIES": value}[k] }
		addr, stop := startSiteEnv(t, env, "--db", dbPath, "--no-demo")
		cookie := signInCookie(t, addr, "ed@newsroom.example", "long enough password")
		stop()
		if cookie == "" {
			t.Fatalf("NEWS_SECURE_COOKIES=%q: signing in set no cookie", value)
		}
		if got := strings.Contains(cookie, "; Secure"); got != secure {
			t.Errorf("NEWS_SECURE_COOKIES=%q: cookie %q, Secure %v, want %v", value, cookie, got, secure)
		}
	}
}

func TestEnvBoolWords(t *testing.T) {
	for v, want := range map[string]bool{"1": true, "true": true, "TRUE": true, "yes": true, " Yes ": true,
		"0": false, "false": false, "False": false, "no": false, "NO": false, "": false} {
		got, err := envBool(func(string) string { return v }, "NEWS_X")
		if err != nil || got != want {
			t.Errorf("NEWS_X=%q: %v, %v; want %v", v, got, err, want)
		}
	}
	if _, err := envBool(func(string) string { return "y" }, "NEWS_X"); err == nil || !strings.Contains(err.Error(), `NEWS_X="y"`) {
		t.Errorf("NEWS_X=y: %v", err)
	}
}

// addUser adds an admin to the database at path through news user add,
// the password given on a pipe.
func addUser(t *testing.T, path, email, password string) {
	t.Helper()
	args := []string{"add", "--email", email, "--name", "Ed Itor", "--role", "admin", "--db", path}
	if err := userCommand(context.Background(), args, func(string) string { return "" }, strings.NewReader(password+"\n"), &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
}

// signInCookie signs in at addr and returns the Set-Cookie header of the answer.
func signInCookie(t *testing.T, addr, email, password string) string {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.PostForm(addr+"/admin/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in answered %d", res.StatusCode)
	}
	return res.Header.Get("Set-Cookie")
}
