package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const (
	msgNoComment = "Please enter your comment!"
	msgNoName    = "Please enter your name here"
	keyboardLine = "Typed with the keyboard alone."
)

// commentJourney: a commenter sends the empty form and sees both messages
// beside their fields; sends only a comment and sees the name message with
// the comment kept; then, with the keyboard alone, fills in the form and
// sends it, and is told the comment awaits moderation.
func commentJourney(t *testing.T, s *suite) {
	st := startSite(t, s, nil)
	tb := newTab(t, s, st)
	tb.open("/", http.StatusOK)
	article := tb.attr(".lead-title a", "href")
	tb.open(article, http.StatusOK)
	tb.clean("article page")

	tb.follow(".comment-form button[type=submit]", http.StatusUnprocessableEntity)
	checkFieldError(t, tb, "comment", msgNoComment)
	checkFieldError(t, tb, "name", msgNoName)
	tb.checkAccessible(s, "comment form with both errors")
	tb.clean("comment form with both errors")

	const body = "The harbour stand was louder than I have heard it in years."
	tb.do("type a comment", chromedp.SendKeys(chromedp.ID("comment"), body))
	tb.follow(".comment-form button[type=submit]", http.StatusUnprocessableEntity)
	checkFieldError(t, tb, "name", msgNoName)
	if n := tb.count("#comment-error"); n != 0 {
		t.Errorf("the comment error is still shown after a comment was given")
	}
	if got := strings.TrimSpace(evalAs[string](tb, `document.getElementById("comment").value`)); got != body {
		t.Errorf("the comment was not kept after the name error: textarea holds %q", got)
	}
	tb.checkAccessible(s, "comment form with the name error")
	tb.clean("comment form with the name error")

	// Keyboard alone from here: Tab to each field, type, Enter on the button.
	tabTo(t, tb, "comment", 100)
	tb.do("type more of the comment",
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(" "+keyboardLine))
	tabTo(t, tb, "name", 1)
	tb.do("type a name", chromedp.KeyEvent("Gareth"))
	tabTo(t, tb, "email", 1)
	tb.do("type an email", chromedp.KeyEvent("gareth@example.com"))
	if got := tabToNext(t, tb); got != "BUTTON Post comment" {
		t.Fatalf("Tab after the email field reached %q, want the Post comment button (the hidden trap field must be skipped)", got)
	}
	tb.navigateBy("press Enter on Post comment", http.StatusOK, chromedp.KeyEvent(kb.Enter))
	if page := tb.text("main"); !strings.Contains(page, "awaiting moderation") {
		t.Errorf("after sending a valid comment the page does not say it awaits moderation; it says:\n%s", oneLine(page))
	}
	// The commenter sees their own comment, marked, on their private page.
	if own := tb.text(".comment.is-pending"); !strings.Contains(own, keyboardLine) || !strings.Contains(strings.ToLower(own), "awaiting moderation") {
		t.Errorf("the commenter does not see their own comment marked awaiting moderation: %q", oneLine(own))
	}
	tb.clean("confirmation page after posting a comment")
	tb.open(article, http.StatusOK)
	if strings.Contains(tb.text("#comments"), keyboardLine) {
		t.Errorf("a comment held for moderation is already shown to readers")
	}
	tb.clean("article after posting a comment")
}

// checkFieldError checks that the field's message is shown, tied to the
// field for screen readers, and placed right under it.
func checkFieldError(t *testing.T, tb *tab, field, want string) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
	  const f = document.getElementById(%q), e = document.getElementById(%q + "-error");
	  if (!f || !e) return {found: false};
	  const fr = f.getBoundingClientRect(), er = e.getBoundingClientRect();
	  return {found: true, text: e.textContent.trim(), invalid: f.getAttribute("aria-invalid") || "",
	    describedBy: (f.getAttribute("aria-describedby") || "").split(/\s+/).includes(e.id),
	    sameField: f.closest(".field") === e.closest(".field"),
	    gap: er.top - fr.bottom, dx: Math.abs(er.left - fr.left), visible: er.width > 0 && er.height > 0};
	})()`, field, field)
	var got struct {
		Found, DescribedBy, SameField, Visible bool
		Text, Invalid                          string
		Gap, Dx                                float64
	}
	if err := json.Unmarshal(evalAs[[]byte](tb, js), &got); err != nil {
		t.Fatal(err)
	}
	switch {
	case !got.Found:
		t.Errorf("%s: no message shown for the field", field)
	case got.Text != want:
		t.Errorf("%s: message %q, want %q", field, got.Text, want)
	case !got.Visible:
		t.Errorf("%s: the message is not visible", field)
	case !got.SameField || got.Gap < 0 || got.Gap > 100 || got.Dx > 4:
		t.Errorf("%s: the message is not right beside its field (same field box %v, %.0f px below it, %.0f px to the side)",
			field, got.SameField, got.Gap, got.Dx)
	case got.Invalid != "true" || !got.DescribedBy:
		t.Errorf("%s: the field is not marked invalid (aria-invalid=%q) or not described by its message (%v)",
			field, got.Invalid, got.DescribedBy)
	}
}

// tabTo presses Tab until the element with the id has the focus, failing
// after most presses.
func tabTo(t *testing.T, tb *tab, id string, most int) {
	t.Helper()
	for i := 0; i < most; i++ {
		tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
		if tb.eval("document.activeElement.id") == id {
			return
		}
	}
	t.Fatalf("%d presses of Tab did not reach #%s (focus is on %s)", most, id, tb.eval(`document.activeElement.outerHTML.slice(0, 120)`))
}

// tabToNext presses Tab once and describes what has the focus.
func tabToNext(t *testing.T, tb *tab) string {
	t.Helper()
	tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
	return tb.eval(`document.activeElement.tagName + " " + document.activeElement.textContent.trim()`)
}
