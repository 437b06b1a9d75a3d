package pagecache

import (
	"bytes"
	"net/http"
	"testing"
	"time"

	"github.com/newsroom/news/models"
)

// testNow is the fixed moment tests run at.
var testNow = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

func TestPageCacheEvictsLeastRecentlyUsed(t *testing.T) {
	t.Parallel()
	pc := NewPageCache(64<<10, testNow)
	until := testNow.Add(time.Hour)
	page := func(key string) *cachedPage {
		p := newCachedPage(key, []string{"chrome", "a" + key}, http.Header{}, bytes.Repeat([]byte("x"), 7000))
		p.until = until
		return p
	}
	for _, k := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		pc.put(page(k), 0)
		pc.get("a", testNow, until) // a stays in use
	}
	pc.put(page("i"), 0)
	if pc.Size() > 64<<10 {
		t.Errorf("cache holds %d bytes, over its 64 KB budget", pc.Size())
	}
	if pc.get("a", testNow, until) == nil {
		t.Error("the most used page was evicted")
	}
	if pc.get("b", testNow, until) != nil {
		t.Error("the least recently used page was kept")
	}
	if pc.get("i", until, until.Add(time.Hour)) != nil || pc.get("h", testNow, testNow) != nil {
		t.Error("a page outlived its own moment or the horizon")
	}
	pc.Drop(models.Change{Tags: []string{"aa"}}, testNow)
	if pc.get("a", testNow, until) != nil {
		t.Error("a page outlived the drop of its tag")
	}
	if pc.put(page("j"), 0) {
		t.Error("a page rendered before a drop was stored after it")
	}
	if NewPageCache(0, testNow) != nil {
		t.Error("size 0 does not turn the cache off")
	}
}
