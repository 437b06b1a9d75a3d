package views

import (
	"html/template"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

func fakeAsset(name string) (string, error) { return "/static/x/" + name, nil }

func TestEveryPageFileHasAConstantAndBack(t *testing.T) {
	t.Parallel()
	r, err := New(template.FuncMap{"asset": fakeAsset})
	if err != nil {
		t.Fatal(err)
	}
	names := r.Names()
	for _, n := range names {
		if !slices.Contains(Pages, n) {
			t.Errorf("pages/%s.html has no constant in Pages", n)
		}
	}
	for _, p := range Pages {
		if !slices.Contains(names, p) {
			t.Errorf("page constant %q has no file", p)
		}
	}
	files, _ := fs.Glob(files, "pages/*.html")
	if len(files) != len(Pages) {
		t.Errorf("%d page files, %d constants", len(files), len(Pages))
	}
}

func TestUnknownPageIsAnError(t *testing.T) {
	t.Parallel()
	r, err := New(template.FuncMap{"asset": fakeAsset})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.Render(&b, "no-such-page", nil); err == nil {
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
