package handlers

import (
	"strings"
	"testing"
)

func TestListPagesHeadingsAndFirstPicture(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for _, path := range []string{"/category/world-news", "/tag/climate", "/author/maria-okafor"} {
		_, body := ts.get(t, path)
		main := section(t, body, `<main id="main"`, `</main>`)
		if strings.Contains(main, "<h3") || !strings.Contains(main, `<h2 class="card-title">`) {
			t.Errorf("%s: cards are not <h2> under the page's <h1>", path)
		}
		imgs := strings.Split(main, "<img ")
		if len(imgs) < 3 {
			t.Fatalf("%s: %d pictures, want several", path, len(imgs)-1)
		}
		first, second := imgs[1], imgs[2]
		if strings.Contains(first[:strings.Index(first, ">")], `loading="lazy"`) || !strings.Contains(first, `fetchpriority="high"`) {
			t.Errorf("%s: the first card's picture is lazy", path)
		}
		if !strings.Contains(second[:strings.Index(second, ">")], `loading="lazy"`) {
			t.Errorf("%s: the second card's picture loads at once", path)
		}
	}
	_, body := ts.get(t, "/tag/north-korea")
	if !strings.Contains(body, `<h1 class="list-title">North Korea</h1>`) {
		t.Error("tag page does not use the tag's name as written")
	}
}
