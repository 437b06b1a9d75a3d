package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

const serverUsage = `usage:
  news [flags]                                   serve the site
  news user add --email E --name N --role R      add a newsroom account (password from standard input)
  news backup [--db FILE] BACKUP_FILE            online, consistent copy of the database
  news demo [--db FILE] [--articles N] [--comments N] [--seed N]   a large generated site, for load tests
  news import wordpress [--db FILE] [--uploads DIR] [--editors LOGIN,...] [--dry-run] EXPORT.xml
                                                 bring in a WordPress export (see the README)
Each command takes --help. Flags for serving:
`

// usage prints the commands and the server's flags, for news --help.
func usage(fs *flag.FlagSet) {
	fmt.Fprint(fs.Output(), serverUsage)
	fs.PrintDefaults()
}

// cli runs the command args name (or serves) and returns the process's
// exit status. Asking for help prints the usage and is not an error.
func cli(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	var err error
	if cmd := command(args); cmd != nil {
		err = cmd(ctx, args[1:], getenv, stdin, stdout)
	} else {
		err = run(ctx, args, getenv, stdout)
	}
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintln(stderr, "news:", err)
	return 1
}
