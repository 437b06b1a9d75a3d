package wordpress

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Report is what an import did: how many of each kind, and every item
// skipped or changed on the way, with the reason.
type Report struct {
	DryRun bool
	Counts map[string]int // "articles published: created" → n
	Notes  []Note
}

// Note is one item skipped or changed, and why.
type Note struct {
	Kind   string // skipped or changed
	What   string // the kind of item
	Item   string
	Reason string
}

func newReport(dry bool) *Report { return &Report{DryRun: dry, Counts: map[string]int{}} }

func (r *Report) count(what string) { r.Counts[what]++ }

func (r *Report) skip(what, item, reason string) {
	r.count(what + ": skipped")
	r.Notes = append(r.Notes, Note{Kind: "skipped", What: what, Item: item, Reason: reason})
}

func (r *Report) change(what, item, reason string) {
	r.Notes = append(r.Notes, Note{Kind: "changed", What: what, Item: item, Reason: reason})
}

// Write prints the report: the counts, then the notes.
func (r *Report) Write(w io.Writer) {
	if r.DryRun {
		fmt.Fprintln(w, "Dry run: nothing was written. This is what the import would do.")
	}
	keys := make([]string, 0, len(r.Counts))
	for k := range r.Counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintln(w, "Imported:")
	for _, k := range keys {
		fmt.Fprintf(w, "  %-44s %d\n", k, r.Counts[k])
	}
	for _, kind := range []string{"skipped", "changed"} {
		var lines []string
		for _, n := range r.Notes {
			if n.Kind == kind {
				lines = append(lines, fmt.Sprintf("  %s: %s: %s", n.What, n.Item, n.Reason))
			}
		}
		if len(lines) > 0 {
			fmt.Fprintf(w, "%s%s (%d):\n%s\n", strings.ToUpper(kind[:1]), kind[1:], len(lines), strings.Join(lines, "\n"))
		}
	}
}
