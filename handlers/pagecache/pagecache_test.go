package pagecache

import (
	"bytes"
	"net/http"
	"testing"
	"time"
)

// testNow is the fixed moment tests run at.
var testNow = time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)

func TestPageCacheEvictsLeastRecentlyUsed(t *testing.T) {
	t.Parallel()
	pc := NewPageCache(64 << 10)
	until := testNow.Add(time.Hour)
	page := func(key string) *cachedPage {
		return newCachedPage(key, 1, testNow, until, http.Header{}, bytes.Repeat([]byte("x"), 7000))
	}
	for _, k := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		pc.put(page(k))
		pc.get("a", 1, testNow) // a stays in use
	}
	pc.put(page("i"))
	if pc.Size() > 64<<10 {
		t.Errorf("cache holds %d bytes, over its 64 KB budget", pc.Size())
	}
	if pc.get("a", 1, testNow) == nil {
		t.Error("the most used page was evicted")
	}
	if pc.get("b", 1, testNow) != nil {
		t.Error("the least recently used page was kept")
	}
	if pc.get("a", 2, testNow) != nil || pc.get("i", 1, until) != nil {
		t.Error("a page outlived its generation or its horizon")
	}
	if NewPageCache(0) != nil {
		t.Error("size 0 does not turn the cache off")
	}
}
