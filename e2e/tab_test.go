package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds each browser step, so a missing element fails the test
// with a message instead of hanging until go test's own timeout.
const stepTimeout = 30 * time.Second

// tab is one browser tab in a browser context of its own (its own cookies
// and cache), pointed at one site. It records the console errors and failed
// requests of its pages; clean reports and forgets them.
type tab struct {
	t    *testing.T
	ctx  context.Context
	site *site

	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string
}

// newTab opens a tab for the journey; it closes when the test ends.
func newTab(t *testing.T, s *suite, st *site) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(s.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx, site: st, urls: map[network.RequestID]string{}}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	if err := chromedp.Listen(ctx, tb.record); err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	return tb
}

// record runs in the tab's event loop: it only notes what went wrong.
func (tb *tab) record(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		tb.urls[ev.RequestID] = ev.Request.URL
	case *network.EventResponseReceived:
		// The document's own status is checked by the step that loaded it
		// (a form with errors is meant to answer 422).
		if ev.Response.Status >= 400 && ev.Type != network.ResourceTypeDocument {
			tb.problems = append(tb.problems, fmt.Sprintf("request failed: %d %s", ev.Response.Status, ev.Response.URL))
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			tb.problems = append(tb.problems, fmt.Sprintf("request failed: %s %s %s",
				ev.ErrorText, ev.BlockedReason, tb.urls[ev.RequestID]))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, fmt.Sprintf("uncaught exception: %s (%s:%d)", oneLine(msg), d.URL, d.LineNumber+1))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			tb.problems = append(tb.problems, "console."+string(ev.Type)+": "+oneLine(strings.Join(parts, " ")))
		}
	case *log.EventEntryAdded:
		// Failed loads come through the network events above, with the
		// document's expected status taken into account.
		if ev.Entry.Level == log.EntryLevelError && ev.Entry.Source != log.EntrySourceNetwork {
			tb.problems = append(tb.problems, fmt.Sprintf("console (%s): %s %s", ev.Entry.Source, oneLine(ev.Entry.Text), ev.Entry.URL))
		}
	}
}

// clean fails the test if the page logged errors or a request failed since
// the last call; what names the page in the message.
func (tb *tab) clean(what string) {
	tb.t.Helper()
	if problems := tb.takeProblems(); len(problems) > 0 {
		tb.t.Errorf("%s: %d console error(s) or failed request(s):\n  %s", what, len(problems), strings.Join(problems, "\n  "))
	}
}

// takeProblems returns and forgets what went wrong so far.
func (tb *tab) takeProblems() []string {
	tb.t.Helper()
	// A round trip to the page: every event sent before its answer has been
	// recorded by then.
	tb.eval("document.readyState")
	tb.mu.Lock()
	defer tb.mu.Unlock()
	problems := tb.problems
	tb.problems = nil
	return problems
}

// step bounds one browser action in time.
func (tb *tab) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(tb.ctx, stepTimeout)
}

// open loads path (relative to the site) and checks its status.
func (tb *tab) open(path string, wantStatus int) {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	res, err := chromedp.Run(ctx, chromedp.NavigateResponse(tb.site.URL+path))
	tb.checkResponse("open "+path, res, err, wantStatus)
}

// follow clicks the first element matching css (a link or a submit button)
// and waits for the page it leads to, checking its status.
func (tb *tab) follow(css string, wantStatus int) {
	tb.t.Helper()
	tb.navigateBy("click "+css, wantStatus, chromedp.Click(chromedp.CSS(css), chromedp.NodeVisible))
}

// navigateBy runs steps that lead to a new page and checks its status.
func (tb *tab) navigateBy(what string, wantStatus int, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	res, err := chromedp.RunResponse(ctx, steps...)
	tb.checkResponse(what, res, err, wantStatus)
}

func (tb *tab) checkResponse(what string, res *network.Response, err error, wantStatus int) {
	tb.t.Helper()
	if err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
	if res == nil {
		tb.t.Fatalf("%s: no page loaded", what)
	}
	if int(res.Status) != wantStatus {
		tb.t.Fatalf("%s: %s answered %d, want %d", what, res.URL, res.Status, wantStatus)
	}
}

// do runs steps that return nothing.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// path is the current address relative to the site, with its query.
func (tb *tab) path() string {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		tb.t.Fatalf("reading the address: %v", err)
	}
	return strings.TrimPrefix(loc, tb.site.URL)
}

// text is the visible text of the first element matching css.
func (tb *tab) text(css string) string {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		tb.t.Fatalf("text of %s on %s: %v", css, tb.path(), err)
	}
	return strings.TrimSpace(s)
}

// attr is an attribute of the first element matching css.
func (tb *tab) attr(css, name string) string {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	r, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(css), name))
	if err != nil {
		tb.t.Fatalf("attribute %s of %s on %s: %v", name, css, tb.path(), err)
	}
	return r.Value
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func (tb *tab) eval(js string) string {
	tb.t.Helper()
	return evalAs[string](tb, "String("+js+")")
}

// evalAs evaluates js in the page and decodes its result into T.
func evalAs[T any](tb *tab, js string, opts ...chromedp.EvaluateOption) T {
	tb.t.Helper()
	ctx, cancel := tb.step()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", oneLine(js), err)
	}
	return v
}

// count is how many elements match css.
func (tb *tab) count(css string) int {
	tb.t.Helper()
	return evalAs[int](tb, fmt.Sprintf("document.querySelectorAll(%q).length", css))
}
