package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// harnessJourney proves the checks can fail: a page that logs an error,
// throws, and asks for a missing file must be reported on all three.
func harnessJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	tb := newTab(t, s, st)
	tb.open("/", http.StatusOK)
	tb.clean("front page")
	evalAs[int](tb, `(async () => {
		console.error("planted console error");
		setTimeout(() => { throw new Error("planted exception"); });
		const r = await fetch("/static/css/planted-missing.css");
		await new Promise(done => setTimeout(done, 100));
		return r.status;
	})()`, chromedp.EvalAwaitPromise)
	got := strings.Join(tb.takeProblems(), "\n")
	for _, want := range []string{"planted console error", "planted exception", "404 " + st.URL + "/static/css/planted-missing.css"} {
		if !strings.Contains(got, want) {
			t.Errorf("the page checks missed %q; they reported:\n%s", want, got)
		}
	}
	tb.open("/no-such-section/no-such-story", http.StatusNotFound)
	tb.clean("the not-found page")

	// A link with no text and a field with no label: axe-core must call
	// both serious or worse.
	evalAs[chromedp.Void](tb, `document.querySelector("main").insertAdjacentHTML("beforeend",
		'<a href="/"></a><input type="text" id="planted-field">')`)
	bad, _ := tb.axeFindings(s, "planted problems")
	got = strings.Join(bad, "\n")
	for _, want := range []string{"link-name", "label"} {
		if !strings.Contains(got, "] "+want+":") {
			t.Errorf("axe-core did not report %s; it reported:\n%s", want, got)
		}
	}
}
