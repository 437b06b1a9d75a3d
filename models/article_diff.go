package models

import (
	"slices"
	"strings"
)

// DiffLine is one line of a line-by-line comparison.
type DiffLine struct {
	Kind string // "same", "add" (only in the newer text), "del" (only in the older) or "change"
	Text string
	// Words are a changed line word by word ("same", "add", "del"), when
	// Kind is "change": a line edited in place (diff_words.go).
	Words []DiffLine
}

// DiffLines compares two texts line by line with a shortest-edit-script
// (longest common subsequence) diff. Lines both texts share at the start and end are matched
// first, so the usual small edit costs little. A line removed and a line
// added in its place that share most of their words are one "change",
// compared word by word, so a one-word edit marks one word, not a paragraph.
func DiffLines(older, newer string) []DiffLine {
	return pairChanges(diffTokens(splitLines(older), splitLines(newer)))
}

// diffTokens diffs two token lists (lines, words), matching their common
// ends first.
func diffTokens(a, b []string) []DiffLine {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	out := make([]DiffLine, 0, len(a)+len(b)-pre-suf)
	for _, l := range a[:pre] {
		out = append(out, DiffLine{Kind: "same", Text: l})
	}
	out = append(out, lcsDiff(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		out = append(out, DiffLine{Kind: "same", Text: l})
	}
	return out
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

// maxEdits bounds the search for the shortest edit script; texts further
// apart than that are shown as the middle removed, then added.
const maxEdits = 1500

// lcsDiff diffs two slices with nothing in common at either end, with
// Myers' O((N+M)D) algorithm: fast when the texts differ in few lines.
func lcsDiff(a, b []string) []DiffLine {
	ids := map[string]int32{} // compare lines as small numbers
	num := func(ls []string) []int32 {
		out := make([]int32, len(ls))
		for i, l := range ls {
			id, ok := ids[l]
			if !ok {
				id = int32(len(ids))
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	na, nb := num(a), num(b)
	trace, ok := myers(na, nb)
	if !ok {
		out := make([]DiffLine, 0, len(a)+len(b))
		for _, l := range a {
			out = append(out, DiffLine{Kind: "del", Text: l})
		}
		for _, l := range b {
			out = append(out, DiffLine{Kind: "add", Text: l})
		}
		return out
	}
	return backtrack(trace, a, b)
}

// myers runs the forward search and returns, for each number of edits d,
// the furthest x reached on each diagonal k before step d, stored as
// trace[d][k+d+1] for k from -d-1 to d+1.
func myers(a, b []int32) ([][]int32, bool) {
	n, m := len(a), len(b)
	limit := min(n+m, maxEdits)
	off := limit + 1
	v := make([]int32, 2*limit+3)
	var trace [][]int32
	for d := 0; d <= limit; d++ {
		trace = append(trace, append([]int32(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = int(v[off+k+1])
			} else {
				x = int(v[off+k-1]) + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = int32(x)
			if x >= n && y >= m {
				return trace, true
			}
		}
	}
	return nil, false
}

// backtrack walks the trace back from the end and returns the diff.
func backtrack(trace [][]int32, a, b []string) []DiffLine {
	x, y := len(a), len(b)
	var rev []DiffLine
	for d := len(trace) - 1; d >= 0; d-- {
		v := func(k int) int { return int(trace[d][k+d+1]) }
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && v(k-1) < v(k+1)) {
			prevK = k + 1
		}
		prevX := v(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			rev = append(rev, DiffLine{Kind: "same", Text: a[x-1]})
			x, y = x-1, y-1
		}
		if d > 0 {
			if x == prevX {
				rev = append(rev, DiffLine{Kind: "add", Text: b[y-1]})
			} else {
				rev = append(rev, DiffLine{Kind: "del", Text: a[x-1]})
			}
		}
		x, y = prevX, prevY
	}
	slices.Reverse(rev)
	return rev
}
