// Package views holds the site's HTML templates, embedded in the binary and
// parsed once at start-up, and the renderer that executes them.
package views

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
)

//go:embed layouts/*.html partials/*.html pages/*.html
var files embed.FS

// Page is what a page's data must say to be rendered: its template (the
// file pages/<name>.html) and the layout template that frames it, which a
// page gets from the layout type it embeds (the reader site's or the
// newsroom's), never from its name.
type Page interface {
	Template() string
	LayoutTemplate() string
}

// Renderer executes parsed page templates. It is immutable once built and
// safe for concurrent use.
type Renderer struct {
	pages map[string]*template.Template
	// partials is the layouts and partials alone, for Fragment.
	partials *template.Template
}

// New parses the layouts and partials once, then clones that set for each
// page so that every page's "content" block stays its own. extra adds
// functions (such as asset paths) to the built-in ones. A parse error is
// returned, so a broken template stops start-up.
func New(extra template.FuncMap) (*Renderer, error) {
	fm := Funcs()
	for k, v := range extra {
		fm[k] = v
	}
	base, err := template.New("base").Funcs(fm).ParseFS(files, "layouts/*.html", "partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("views: parse layouts: %w", err)
	}
	names, err := fs.Glob(files, "pages/*.html")
	if err != nil {
		return nil, fmt.Errorf("views: list pages: %w", err)
	}
	r := &Renderer{pages: map[string]*template.Template{}}
	if r.partials, err = base.Clone(); err != nil {
		return nil, fmt.Errorf("views: clone partials: %w", err)
	}
	for _, f := range names {
		name := strings.TrimSuffix(path.Base(f), ".html")
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("views: clone for %s: %w", name, err)
		}
		if _, err := t.ParseFS(files, f); err != nil {
			return nil, fmt.Errorf("views: parse %s: %w", f, err)
		}
		r.pages[name] = t
	}
	return r, nil
}

// Has reports whether page name has a template file.
func (r *Renderer) Has(name string) bool { return r.pages[name] != nil }

// Names returns the page names that have a template file.
func (r *Renderer) Names() []string {
	out := make([]string, 0, len(r.pages))
	for n := range r.pages {
		out = append(out, n)
	}
	return out
}

// Render executes p's template inside its layout into w. It renders into
// a buffer first, so a template error never leaves half a page behind.
func (r *Renderer) Render(w io.Writer, p Page) error {
	name := p.Template()
	t, ok := r.pages[name]
	if !ok {
		return fmt.Errorf("views: unknown page %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, p.LayoutTemplate(), p); err != nil {
		return fmt.Errorf("views: render %s: %w", name, err)
	}
	_, err := buf.WriteTo(w)
	return err
}

// Fragment executes one partial (such as "masthead" or "footer") with data
// and returns the escaped HTML, for parts of pages built once and shown on
// many, which a page template then writes as they are.
func (r *Renderer) Fragment(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := r.partials.ExecuteTemplate(&buf, name, data); err != nil {
		return "", fmt.Errorf("views: render %s: %w", name, err)
	}
	return template.HTML(buf.String()), nil
}
