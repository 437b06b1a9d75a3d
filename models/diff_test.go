package models

import (
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
