package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

const passwordPrompt = "Password (at least 10 characters): "

// hiddenInput is standard input when it is a terminal: each call reads one
// line with echo off.
type hiddenInput interface {
	ReadHidden() (string, error)
}

// terminal is a terminal standard input, read through golang.org/x/term.
type terminal struct{ f *os.File }

func (t terminal) Read(p []byte) (int, error) { return t.f.Read(p) }

func (t terminal) ReadHidden() (string, error) {
	b, err := term.ReadPassword(int(t.f.Fd()))
	return string(b), err
}

// asTerminal wraps stdin as a hiddenInput when it is a terminal.
func asTerminal(stdin io.Reader) io.Reader {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return terminal{f}
	}
	return stdin
}

// askPassword asks for a new account's password. From a terminal it asks
// twice with echo off and refuses two different answers; from a pipe or a
// file it reads one line, as scripts expect.
func askPassword(stdin io.Reader, out io.Writer) (string, error) {
	stdin = asTerminal(stdin)
	fmt.Fprint(out, passwordPrompt)
	t, ok := stdin.(hiddenInput)
	if !ok {
		password, err := readPassword(stdin)
		fmt.Fprintln(out)
		return password, err
	}
	first, err := t.ReadHidden()
	fmt.Fprintln(out) // the Enter key was not echoed either
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	fmt.Fprint(out, "The same password again: ")
	second, err := t.ReadHidden()
	fmt.Fprintln(out)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	if first != second {
		return "", errors.New("the two passwords differ; nothing was added")
	}
	return first, nil
}

// readPassword reads one line from r, without its line ending.
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		if errors.Is(err, io.EOF) {
			return "", errors.New("no password given on standard input")
		}
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
