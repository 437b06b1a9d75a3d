package views

import (
	"html/template"
	"strings"
	"testing"
)

func fakeAsset(name string) (string, error) { return "/static/x/" + name, nil }

func TestUnknownPageIsAnError(t *testing.T) {
	t.Parallel()
	r, err := New(template.FuncMap{"asset": fakeAsset})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.Render(&b, noSuchPage{}); err == nil {
		t.Error("rendering an unknown page succeeded")
	}
}

func TestPageURL(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "/tag/x", 1: "/tag/x", 2: "/tag/x?page=2"} {
		if got := PageURL("/tag/x", n); got != want {
			t.Errorf("PageURL(%d) = %q, want %q", n, got, want)
		}
	}
}

type noSuchPage struct{}

func (noSuchPage) Template() string       { return "no-such-page" }
func (noSuchPage) LayoutTemplate() string { return "layout" }
