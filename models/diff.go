package models

import "strings"

// DiffLine is one line of a line-by-line comparison.
type DiffLine struct {
	Kind string // "same", "add" (only in the newer text) or "del" (only in the older)
	Text string
}

// maxDiffCells bounds the LCS table; past it the changed middle is shown as
// removed then added, which is still correct, only coarser.
const maxDiffCells = 4_000_000

// DiffLines compares two texts line by line with a longest-common-
// subsequence diff. Lines both texts share at the start and end are matched
// first, so the usual small edit costs little.
func DiffLines(older, newer string) []DiffLine {
	a, b := splitLines(older), splitLines(newer)
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []DiffLine
	for _, l := range a[:pre] {
		out = append(out, DiffLine{"same", l})
	}
	out = append(out, lcsDiff(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		out = append(out, DiffLine{"same", l})
	}
	return out
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

// lcsDiff diffs two slices with nothing in common at either end.
func lcsDiff(a, b []string) []DiffLine {
	var out []DiffLine
	if len(a)*len(b) > maxDiffCells || len(a) == 0 || len(b) == 0 {
		for _, l := range a {
			out = append(out, DiffLine{"del", l})
		}
		for _, l := range b {
			out = append(out, DiffLine{"add", l})
		}
		return out
	}
	// t[i][j] is the LCS length of a[i:] and b[j:].
	w := len(b) + 1
	t := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			} else {
				t[i*w+j] = max(t[(i+1)*w+j], t[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffLine{"same", a[i]})
			i, j = i+1, j+1
		case t[(i+1)*w+j] >= t[i*w+j+1]:
			out = append(out, DiffLine{"del", a[i]})
			i++
		default:
			out = append(out, DiffLine{"add", b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, DiffLine{"del", a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, DiffLine{"add", b[j]})
	}
	return out
}
