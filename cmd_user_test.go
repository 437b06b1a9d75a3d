package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

func TestUserAdd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.db")
	noenv := func(string) string { return "" }
	ctx := context.Background()
	args := []string{"add", "--email", "chief@newsroom.example", "--name", "Chief Editor", "--role", "admin", "--db", path}

	tests := []struct {
		name, stdin, want string
		args              []string
	}{
		{"short password", "tooshort\n", "at least 10 characters", args},
		{"no password", "", "no password given", args},
		{"password as argument", "long enough password\n", "read from standard input", append(append([]string{}, args...), "hunter2hunter2")},
		{"bad flags", "long enough password\n", `--email "chief" is not an email address; --name is required; --role must be`,
			[]string{"add", "--email", "chief", "--role", "boss", "--db", path}},
		{"no subcommand", "", "usage: news user add", []string{"remove"}},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		err := userCommand(ctx, tt.args, noenv, strings.NewReader(tt.stdin), &out)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}

	var out bytes.Buffer
	if err := userCommand(ctx, args, noenv, strings.NewReader("long enough password\r\n"), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Added admin Chief Editor <chief@newsroom.example>") {
		t.Errorf("output %q", out.String())
	}
	if strings.Contains(out.String(), "long enough password") {
		t.Error("the password is echoed")
	}
	err := userCommand(ctx, args, noenv, strings.NewReader("long enough password\n"), &out)
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second add: %v", err)
	}

	store, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	users := models.NewUserStore(store)
	u, err := users.Authenticate(ctx, "CHIEF@newsroom.example", "long enough password")
	if err != nil || u.Role != models.RoleAdmin || u.Name != "Chief Editor" {
		t.Fatalf("signing in as the new admin: %+v, %v", u, err)
	}
	var hash string
	store.R.QueryRow(`SELECT password_hash FROM users WHERE id = ?`, u.ID).Scan(&hash)
	if !strings.HasPrefix(hash, "$2a$12$") {
		t.Errorf("stored hash %q is not bcrypt at cost 12", hash)
	}
}

func TestCommandDispatch(t *testing.T) {
	if command([]string{"user", "add"}) == nil {
		t.Error("user is not a command")
	}
	if command([]string{"--addr", ":8080"}) != nil || command(nil) != nil {
		t.Error("server flags taken for a command")
	}
}

func TestSessionKeysFromEnvironmentOrDatabase(t *testing.T) {
	ctx := context.Background()
	store, err := db.Open(filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	noenv := func(string) string { return "" }
	a, err := sessionKeys(ctx, store, noenv)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sessionKeys(ctx, store, noenv)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 2 || !bytes.Equal(a[0], b[0]) || !bytes.Equal(a[1], b[1]) {
		t.Fatal("the stored session key changed between starts")
	}
	env := func(k string) string {
		if k == "NEWS_SESSION_KEYS" {
			return "c2Vzc2lvbi1rZXktb25lLXNlc3Npb24ta2V5LW9uZS0xMjM0NTY3OA==, c2Vzc2lvbi1rZXktdHdvLXNlc3Npb24ta2V5LXR3by0xMjM0NTY3OA"
		}
		return ""
	}
	c, err := sessionKeys(ctx, store, env)
	if err != nil || len(c) != 4 || bytes.Equal(c[0], a[0]) {
		t.Fatalf("keys from the environment: %d keys, %v", len(c), err)
	}
	short := func(string) string { return "c2hvcnQ=" }
	if _, err := sessionKeys(ctx, store, short); err == nil || !strings.Contains(err.Error(), "at least 32") {
		t.Errorf("a short key: %v", err)
	}
}

// typedPasswords is a terminal on which the answers are typed, hidden.
type typedPasswords struct{ answers []string }

func (p *typedPasswords) Read([]byte) (int, error) { return 0, io.EOF }

func (p *typedPasswords) ReadHidden() (string, error) {
	if len(p.answers) == 0 {
		return "", io.EOF
	}
	a := p.answers[0]
	p.answers = p.answers[1:]
	return a, nil
}

func TestUserAddFromTerminalAsksTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "news.db")
	noenv := func(string) string { return "" }
	ctx := context.Background()
	args := []string{"add", "--email", "ed@newsroom.example", "--name", "Ed Itor", "--role", "editor", "--db", path}

	var out bytes.Buffer
	err := userCommand(ctx, args, noenv, &typedPasswords{[]string{"long enough password", "long enough passwort"}}, &out)
	if err == nil || !strings.Contains(err.Error(), "the two passwords differ") {
		t.Fatalf("two different passwords: %v", err)
	}
	if !strings.Contains(out.String(), "The same password again: ") {
		t.Errorf("no second prompt in %q", out.String())
	}
	err = userCommand(ctx, args, noenv, &typedPasswords{[]string{"long enough password"}}, &out)
	if err == nil || !strings.Contains(err.Error(), "read password") {
		t.Errorf("no second answer: %v", err)
	}

	out.Reset()
	if err := userCommand(ctx, args, noenv, &typedPasswords{[]string{"long enough password", "long enough password"}}, &out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "long enough password") {
		t.Errorf("the password is echoed: %q", out.String())
	}
	store, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	n, err := models.NewUserStore(store).CountAccounts(ctx)
	if err != nil || n != 1 {
		t.Errorf("accounts after a refused and an accepted add: %d, %v", n, err)
	}
	if _, err := models.NewUserStore(store).Authenticate(ctx, "ed@newsroom.example", "long enough password"); err != nil {
		t.Errorf("signing in with the password typed twice: %v", err)
	}
}

func TestUserAddReadsAPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		io.WriteString(w, "long enough password\n")
		w.Close()
	}()
	path := filepath.Join(t.TempDir(), "news.db")
	args := []string{"add", "--email", "au@newsroom.example", "--name", "Au Thor", "--role", "author", "--db", path}
	var out bytes.Buffer
	if err := userCommand(context.Background(), args, func(string) string { return "" }, r, &out); err != nil {
		t.Fatalf("password on a pipe: %v", err)
	}
	if strings.Contains(out.String(), "again") || !strings.Contains(out.String(), "Added author Au Thor") {
		t.Errorf("a pipe is read once, without asking again: %q", out.String())
	}
}
