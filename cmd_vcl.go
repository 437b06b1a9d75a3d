package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/newsroom/news/handlers/edge"
)

// vclCommand is `news vcl`: it prints the Varnish configuration the site
// ships, with its backend set to the site's address.
func vclCommand(_ context.Context, args []string, _ func(string) string, _ io.Reader, out io.Writer) error {
	fs := flag.NewFlagSet("news vcl", flag.ContinueOnError)
	fs.SetOutput(out)
	backend := fs.String("backend", "127.0.0.1:8080", "the site's address, host:port, as Varnish reaches it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("vcl: unexpected argument %q", fs.Arg(0))
	}
	vcl, err := edge.VCLFor(*backend)
	if err != nil {
		return fmt.Errorf("vcl: %w", err)
	}
	_, err = io.WriteString(out, vcl)
	return err
}
