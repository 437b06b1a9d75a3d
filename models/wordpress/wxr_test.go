package wordpress

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
)

// samplePath is the real export made by WordPress 6.1 (see its README).
const samplePath = "../../../shared/wordpress/wordpress-sample.xml"

// readAll reads every record of an export.
func readAll(t *testing.T, r io.Reader) (Site, []any) {
	t.Helper()
	wr := NewReader(r)
	var recs []any
	for {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return wr.Site(), recs
		}
		if err != nil {
			t.Fatalf("record %d: %v", len(recs), err)
		}
		recs = append(recs, rec)
	}
}

func openSample(t *testing.T) *os.File {
	t.Helper()
	f, err := os.Open(samplePath)
	if err != nil {
		t.Fatalf("the WordPress sample export: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestReaderSample(t *testing.T) {
	// One byte at a time: nothing may depend on reading the file whole.
	site, recs := readAll(t, iotest.OneByteReader(openSample(t)))
	if site.BaseSiteURL != "http://127.0.0.1:8081" || site.Title != "World Daily News" || site.WXRVersion != "1.2" {
		t.Errorf("site = %+v", site)
	}
	kinds := map[string]int{}
	comments := map[string]int{}
	var kim *Item
	for _, rec := range recs {
		switch v := rec.(type) {
		case *Author:
			kinds["author"]++
		case *Category:
			kinds["category"]++
		case *Tag:
			kinds["tag"]++
		case *Item:
			kinds[v.Type+"/"+v.Status]++
			for _, c := range v.Comments {
				comments["approved="+c.Approved]++
				comments["type="+c.Type]++
			}
			if v.PostID == 2014 {
				kim = v
			}
		}
	}
	want := map[string]int{"author": 3, "category": 9, "tag": 12, "post/publish": 20, "post/draft": 1,
		"post/pending": 1, "post/future": 1, "post/private": 1, "post/trash": 1, "page/publish": 3, "attachment/inherit": 8}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%s: %d records, the README says %d", k, kinds[k], n)
		}
	}
	if comments["approved=1"] != 15 || comments["approved=0"] != 3 || comments["type=pingback"] != 1 || comments["type=comment"] != 17 {
		t.Errorf("comments: %v", comments)
	}
	if kim == nil {
		t.Fatal("post 2014 not read")
	}
	if !strings.Contains(kim.Content(), "<!-- wp:image") || kim.Excerpt() != "The two leaders signed a memorandum on cross-border rail freight after two days of talks." {
		t.Errorf("content or excerpt of post 2014 mixed up: excerpt %q", kim.Excerpt())
	}
	if kim.MetaValue("_thumbnail_id") != "2006" || kim.Sticky != 1 || len(kim.Comments) != 7 || kim.Comments[1].Parent != 14 {
		t.Errorf("post 2014: thumbnail %q sticky %d comments %d", kim.MetaValue("_thumbnail_id"), kim.Sticky, len(kim.Comments))
	}
	if len(kim.Terms) != 4 || kim.Terms[0] != (Term{Domain: "category", Slug: "asia", Name: "Asia"}) {
		t.Errorf("terms of post 2014: %+v", kim.Terms)
	}
}

func TestReaderBadInput(t *testing.T) {
	const head = `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.1/"><channel>`
	// A control character inside a post (WordPress lets them in) does not stop the import.
	_, recs := readAll(t, strings.NewReader(head+"<item><title>A\x08B</title><wp:post_id>7</wp:post_id></item></channel></rss>"))
	if len(recs) != 1 || recs[0].(*Item).Title != "A B" || recs[0].(*Item).PostID != 7 {
		t.Errorf("records = %#v", recs)
	}
	for name, doc := range map[string]string{
		"truncated":  head + "<item><title>A</title>",
		"not rss":    `<html><body>hello</body></html>`,
		"broken xml": head + "<item><title>A</item></channel></rss>",
	} {
		wr := NewReader(strings.NewReader(doc))
		var err error
		for err == nil {
			_, err = wr.Next()
		}
		if errors.Is(err, io.EOF) {
			t.Errorf("%s: read to the end without an error", name)
		}
	}
}
