package models

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestDiffLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, older, newer string
		want               string // one line per DiffLine: kind initial, then text
	}{
		{"equal", "a\nb", "a\nb", "s a|s b"},
		{"added in middle", "a\nc", "a\nb\nc", "s a|a b|s c"},
		{"removed", "a\nb\nc", "a\nc", "s a|d b|s c"},
		{"changed", "a\nb\nc", "a\nx\nc", "s a|d b|a x|s c"},
		{"from empty", "", "a", "a a"},
		{"to empty", "a", "", "d a"},
		{"reordered", "a\nb\nc\nd", "b\na\nd\nc", "d a|s b|d c|a a|s d|a c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range DiffLines(tt.older, tt.newer) {
				got = append(got, l.Kind[:1]+" "+l.Text)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("DiffLines(%q, %q) = %q, want %q", tt.older, tt.newer, g, tt.want)
			}
		})
	}
}

// TestDiffLinesRebuilds checks that the older text is the same and del
// lines, and the newer the same and add lines, on a larger edit.
func TestDiffLinesRebuilds(t *testing.T) {
	t.Parallel()
	var a, b []string
	for i := range 300 {
		a = append(a, strings.Repeat("x", i%7))
		if i%5 != 0 {
			b = append(b, strings.Repeat("x", i%7))
		}
		if i%11 == 0 {
			b = append(b, "new")
		}
	}
	older, newer := strings.Join(a, "\n"), strings.Join(b, "\n")
	var ro, rn []string
	for _, l := range DiffLines(older, newer) {
		if l.Kind != "add" {
			ro = append(ro, l.Text)
		}
		if l.Kind != "del" {
			rn = append(rn, l.Text)
		}
	}
	if strings.Join(ro, "\n") != older || strings.Join(rn, "\n") != newer {
		t.Error("diff does not rebuild both texts")
	}
}

// BenchmarkDiffLines compares two 2,000-line texts that differ in every
// tenth line: the LCS table is then the whole middle.
func BenchmarkDiffLines(b *testing.B) {
	var x, y []string
	for i := range 2000 {
		line := strings.Repeat("word ", i%13) + "line"
		x = append(x, line)
		if i%10 == 0 {
			line = "changed " + line
		}
		y = append(y, line)
	}
	older, newer := strings.Join(x, "\n"), strings.Join(y, "\n")
	for b.Loop() {
		DiffLines(older, newer)
	}
}

// TestDiffLinesShortest checks on random texts that the diff rebuilds both
// texts and keeps as many lines as the longest common subsequence has.
func TestDiffLinesShortest(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	text := func() []string {
		out := make([]string, r.IntN(30))
		for i := range out {
			out[i] = string(rune('a' + r.IntN(4)))
		}
		return out
	}
	for range 500 {
		a, b := text(), text()
		same := 0
		var ra, rb []string
		for _, l := range DiffLines(strings.Join(a, "\n"), strings.Join(b, "\n")) {
			if l.Kind == "same" {
				same++
			}
			if l.Kind != "add" {
				ra = append(ra, l.Text)
			}
			if l.Kind != "del" {
				rb = append(rb, l.Text)
			}
		}
		if !slices.Equal(ra, a) || !slices.Equal(rb, b) {
			t.Fatalf("diff of %q and %q does not rebuild them", a, b)
		}
		if want := lcsLen(a, b); same != want {
			t.Fatalf("diff of %q and %q keeps %d lines, the LCS has %d", a, b, same, want)
		}
	}
}

func lcsLen(a, b []string) int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	return t[0][0]
}

// TestDiffLinesFarApart checks texts too far apart for the edit search are
// still shown whole: all removed, then all added.
func TestDiffLinesFarApart(t *testing.T) {
	t.Parallel()
	var a, b []string
	for i := range maxEdits {
		a, b = append(a, "old "+strconv.Itoa(i)), append(b, "new "+strconv.Itoa(i))
	}
	d := DiffLines(strings.Join(a, "\n"), strings.Join(b, "\n"))
	if len(d) != 2*maxEdits || d[0].Kind != "del" || d[len(d)-1].Kind != "add" {
		t.Errorf("far-apart diff: %d lines, first %q, last %q", len(d), d[0].Kind, d[len(d)-1].Kind)
	}
}
