package models

import (
	"strings"
	"testing"
)

// TestDiffLinesMarksChangedWords: a one-word edit in a paragraph is one
// changed line with that word marked; a rewritten paragraph is removed
// and added whole.
func TestDiffLinesMarksChangedWords(t *testing.T) {
	t.Parallel()
	older := "Intro stays.\n\nThe council met on Tuesday to vote on the harbour wall.\n\nOld ending here."
	newer := "Intro stays.\n\nThe council met on Wednesday to vote on the harbour wall.\n\nSomething else entirely, written again."
	var got []string
	for _, l := range DiffLines(older, newer) {
		s := l.Kind[:1]
		for _, w := range l.Words {
			if w.Kind != "same" {
				s += " " + w.Kind + ":" + w.Text
			}
		}
		if l.Words == nil {
			s += " " + l.Text
		}
		got = append(got, s)
	}
	want := "s Intro stays.|s |c del:Tuesday add:Wednesday|s |d Old ending here.|a Something else entirely, written again."
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("diff = %q\nwant %q", g, want)
	}
}

// TestDiffWordsRebuilds: the words of a change rebuild both lines.
func TestDiffWordsRebuilds(t *testing.T) {
	t.Parallel()
	a, b := "one two  three four five", "one 2 three four, five six"
	var ra, rb strings.Builder
	for _, w := range DiffWords(a, b) {
		if w.Kind != "add" {
			ra.WriteString(w.Text)
		}
		if w.Kind != "del" {
			rb.WriteString(w.Text)
		}
	}
	if ra.String() != a || rb.String() != b {
		t.Errorf("rebuilt %q and %q", ra.String(), rb.String())
	}
}
