package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeVersion is the axe-core release the accessibility checks run. It comes
// from the npm registry into e2e/node_modules (ignored by git) on first use.
const axeVersion = "4.14.1"

// axe returns the source of axe-core, installing it with npm when it is
// missing or another version.
func (s *suite) axe(t *testing.T) string {
	t.Helper()
	s.axeOnce.Do(func() { s.axeJS, s.axeErr = loadAxe() })
	if s.axeErr != nil {
		t.Fatalf("axe-core: %v", s.axeErr)
	}
	return s.axeJS
}

func loadAxe() (string, error) {
	dir, err := npmPackage("axe-core", axeVersion)
	if err != nil {
		return "", err
	}
	src, err := os.ReadFile(filepath.Join(dir, "axe.min.js"))
	return string(src), err
}

// axeViolation is one rule that failed on a page, with where.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// runAxe is evaluated in the page after axe-core's source: it runs every
// rule axe enables by default and keeps the violations.
const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
  nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary})),
}))))`

// checkAccessible runs axe-core on the page open in tb. Violations of
// impact serious or critical fail the test, listed one by one; moderate and
// minor ones are logged.
func (tb *tab) checkAccessible(s *suite, what string) {
	tb.t.Helper()
	bad, minor := tb.axeFindings(s, what)
	if len(minor) > 0 {
		tb.t.Logf("%s: axe-core %s notes (moderate or minor):\n%s", what, axeVersion, strings.Join(minor, "\n"))
	}
	if len(bad) > 0 {
		tb.t.Errorf("%s: axe-core %s found %d serious or critical accessibility problem(s):\n%s",
			what, axeVersion, len(bad), strings.Join(bad, "\n"))
	}
}

// axeFindings runs axe-core and returns its violations, formatted, split
// into serious or critical and the rest.
func (tb *tab) axeFindings(s *suite, what string) (bad, minor []string) {
	tb.t.Helper()
	if !evalAs[bool](tb, "typeof window.axe === 'object'") {
		evalAs[chromedp.Void](tb, s.axe(tb.t))
	}
	raw := evalAs[string](tb, runAxe, chromedp.EvalAwaitPromise)
	var found []axeViolation
	if err := json.Unmarshal([]byte(raw), &found); err != nil {
		tb.t.Fatalf("%s: reading axe results: %v", what, err)
	}
	for _, v := range found {
		line := formatViolation(v)
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, line)
		} else {
			minor = append(minor, line)
		}
	}
	return bad, minor
}

func formatViolation(v axeViolation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  [%s] %s: %s (%s)", v.Impact, v.ID, v.Help, v.HelpURL)
	for i, n := range v.Nodes {
		if i == 5 {
			fmt.Fprintf(&b, "\n      … and %d more", len(v.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "\n      %s  %s\n        %s", n.Target, oneLine(n.HTML), oneLine(n.Summary))
	}
	return b.String()
}
