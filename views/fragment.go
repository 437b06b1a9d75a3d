package views

import (
	"bytes"
	"fmt"
	"io"
)

// Fragments are partial templates rendered on their own, outside a page.
const (
	// FragmentLiveEntry is one entry of a live article, as the page shows
	// it; the stream sends it to open pages.
	FragmentLiveEntry = "live-entry"
)

// Fragment executes the partial template name with data into w.
func (r *Renderer) Fragment(w io.Writer, name string, data any) error {
	t := r.pages["article"]
	if t == nil || t.Lookup(name) == nil {
		return fmt.Errorf("views: unknown fragment %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("views: render %s: %w", name, err)
	}
	_, err := buf.WriteTo(w)
	return err
}
