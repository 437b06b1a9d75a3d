package models

import (
	"regexp"
	"strings"
)

// wordToken is a word or a run of spaces.
var wordToken = regexp.MustCompile(`\s+|\S+`)

// DiffWords compares two lines word by word.
func DiffWords(older, newer string) []DiffLine {
	return diffTokens(wordToken.FindAllString(older, -1), wordToken.FindAllString(newer, -1))
}

// pairChanges turns each run of removed lines followed by added ones into
// changes, pair by pair, where a pair is one line edited (changeOf).
func pairChanges(lines []DiffLine) []DiffLine {
	var out []DiffLine
	for i := 0; i < len(lines); {
		if lines[i].Kind != "del" {
			out = append(out, lines[i])
			i++
			continue
		}
		d := i
		for d < len(lines) && lines[d].Kind == "del" {
			d++
		}
		e := d
		for e < len(lines) && lines[e].Kind == "add" {
			e++
		}
		dels, adds := lines[i:d], lines[d:e]
		var rest []DiffLine // added lines not paired, after the run
		for k := range max(len(dels), len(adds)) {
			switch {
			case k < len(dels) && k < len(adds):
				if w, ok := changeOf(dels[k].Text, adds[k].Text); ok {
					out = append(out, DiffLine{Kind: "change", Text: adds[k].Text, Words: w})
				} else {
					out = append(out, dels[k])
					rest = append(rest, adds[k])
				}
			case k < len(dels):
				out = append(out, dels[k])
			default:
				rest = append(rest, adds[k])
			}
		}
		out = append(out, rest...)
		i = e
	}
	return out
}

// changeOf diffs two lines word by word; ok when more than half of each
// line's words are in the other, so they are one line edited.
func changeOf(older, newer string) ([]DiffLine, bool) {
	w := DiffWords(older, newer)
	var same, del, add int
	for _, t := range w {
		if strings.TrimSpace(t.Text) == "" {
			continue
		}
		switch t.Kind {
		case "same":
			same++
		case "del":
			del++
		default:
			add++
		}
	}
	return w, same > del && same > add
}
