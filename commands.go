package main

import (
	"context"
	"io"
)

// commandFunc is a command other than serving: news <word> [flags].
type commandFunc func(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, out io.Writer) error

// command returns the command args name, or nil when args are the
// server's flags.
func command(args []string) commandFunc {
	if len(args) == 0 {
		return nil
	}
	switch args[0] {
	case "user":
		return userCommand
	case "backup":
		return backupCommand
	case "demo":
		return demoCommand
	case "vcl":
		return vclCommand
	}
	return nil
}
