package handlers

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsroom/news/handlers/newsroom"
	"github.com/newsroom/news/models"
)

// TestEveryPageRendersFromItsZeroValue renders each page type with no data
// (and newsroom pages with a signed-in user's chrome too), so a template
// error fails here and not in front of a reader or an editor.
func TestEveryPageRendersFromItsZeroValue(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	full := newsroom.Layout{Title: "T", User: models.User{ID: 1, Name: "N", Role: models.RoleAdmin},
		Flashes: []string{"done"}, Site: models.DefaultSettings(), Nav: "settings"}
	for _, p := range Pages() {
		var b strings.Builder
		if err := ts.H.Views.Render(&b, p); err != nil {
			t.Errorf("%T (%s): %v", p, p.Template(), err)
		}
		v := reflect.New(reflect.TypeOf(p)).Elem()
		if f := v.FieldByName("Layout"); f.IsValid() && f.Type() == reflect.TypeOf(full) {
			f.Set(reflect.ValueOf(full))
			b.Reset()
			if err := ts.H.Views.Render(&b, v.Interface().(interface {
				Template() string
				LayoutTemplate() string
			})); err != nil {
				t.Errorf("%T with a signed-in user: %v", p, err)
			}
		}
	}
}

// TestEveryTemplateHasOnePageType matches the page files with the page
// types: a template nobody renders, or two types sharing one, is a mistake.
func TestEveryTemplateHasOnePageType(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	var names []string
	for _, p := range Pages() {
		if slices.Contains(names, p.Template()) {
			t.Errorf("two page types render %q", p.Template())
		}
		names = append(names, p.Template())
	}
	for _, n := range ts.H.Views.Names() {
		if !slices.Contains(names, n) {
			t.Errorf("pages/%s.html has no page type in Pages()", n)
		}
	}
	if got, want := len(ts.H.Views.Names()), len(names); got != want {
		t.Errorf("%d page files, %d page types", got, want)
	}
}
