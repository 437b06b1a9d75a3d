package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/newsroom/news/models"
)

const userUsage = `usage: news user add --email EMAIL --name NAME --role admin|editor|author [--db FILE]
The password is never a flag. From a terminal it is asked for twice, hidden;
otherwise it is read from standard input (one line):
  news user add --email ed@example.com --name "Ed Itor" --role admin
  printf '%s\n' "$PASSWORD" | news user add --email ... --name ... --role editor`

// userCommand manages newsroom accounts from the shell.
func userCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, out io.Writer) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help") {
		io.WriteString(out, userUsage+"\n")
		return flag.ErrHelp
	}
	if len(args) == 0 || args[0] != "add" {
		return errors.New(userUsage)
	}
	fs := flag.NewFlagSet("news user add", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		io.WriteString(out, userUsage+"\n")
		fs.PrintDefaults()
	}
	email := fs.String("email", "", "the person's email address; they sign in with it")
	name := fs.String("name", "", "their name, shown as their byline")
	role := fs.String("role", "", "admin, editor or author")
	dbPath := fs.String("db", envOr(getenv, "NEWS_DB", "data/news.db"), "SQLite database file (NEWS_DB)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (the password is read from standard input, not given as an argument)\n%s", fs.Arg(0), userUsage)
	}
	in, err := checkUserFlags(*email, *name, *role)
	if err != nil {
		return err
	}
	password, err := askPassword(stdin, out)
	if err != nil {
		return err
	}
	if err := models.CheckPassword(password); err != nil {
		return errors.New("the password needs at least 10 characters (and at most 72 bytes)")
	}
	store, err := openMigrated(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	u, err := models.NewUserStore(store).CreateAccount(ctx, in, password)
	if errors.Is(err, models.ErrEmailTaken) {
		return fmt.Errorf("a user with the email %s already exists", in.Email)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Added %s %s <%s>. They can sign in at /admin/login.\n", u.Role, u.Name, u.Email)
	return nil
}

func checkUserFlags(email, name, role string) (models.UserInput, error) {
	var problems []string
	email, ok := models.NormalizeEmail(email)
	if email == "" {
		problems = append(problems, "--email is required")
	} else if !ok {
		problems = append(problems, fmt.Sprintf("--email %q is not an email address", email))
	}
	name = strings.TrimSpace(name)
	if name == "" {
		problems = append(problems, "--name is required")
	} else if len([]rune(name)) > 100 {
		problems = append(problems, "--name must be under 100 characters")
	}
	if !models.ValidRole(role) {
		problems = append(problems, "--role must be admin, editor or author")
	}
	if len(problems) > 0 {
		return models.UserInput{}, errors.New(strings.Join(problems, "; ") + "\n" + userUsage)
	}
	return models.UserInput{Email: email, Name: name, Role: role}, nil
}
