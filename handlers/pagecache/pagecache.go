package pagecache

import (
	"container/list"
	"net/http"
	"sync"
	"time"

	"github.com/newsroom/news/models"
)

// PageCache keeps rendered reader pages in memory, each with a gzip copy
// made once, bounded by a byte budget and evicting the least recently used.
// Each page records the cache tags of what it shows (models/tags.go); a
// committed write drops the pages carrying a tag it names (Drop), and
// nothing else. A page is also valid only until the next moment reader
// pages change by time alone (the horizon: midnight, a scheduled article)
// or its own such moment (comments closing by age).
type PageCache struct {
	mu    sync.Mutex
	max   int64
	size  int64
	lru   list.List // of *cachedPage, most recently used first
	items map[string]*list.Element
	// index finds the pages that carry each tag.
	index map[string]map[*cachedPage]struct{}
	// drops counts Drop calls: a render that saw another count when it
	// began may show what was dropped meanwhile, and is not stored.
	drops uint64
	hz    horizon
	// hzMu lets one request at a time look the horizon up after a drop,
	// instead of every request at once.
	hzMu sync.Mutex
	// changed is when each tag was last dropped, for Last-Modified; floor
	// is the earliest any page may claim (start-up, the last horizon
	// passed, the last forgetting of changed).
	changed map[string]time.Time
	floor   time.Time
	// flights are the renders in progress, by key.
	flights map[string]*flight
}

// flight is one render of a page that other requests for it wait on.
type flight struct {
	done chan struct{}
	page *cachedPage // the page stored, nil if none was
}

// cachedPage is one rendered page and its validators.
type cachedPage struct {
	key     string
	tags    []string
	until   time.Time // valid to just before this moment of the site's clock
	header  http.Header
	body    []byte
	gz      []byte // nil until made; made once for a stored page
	etag    string // strong, of body
	lastMod time.Time
}

// horizon is the next moment reader pages change by time alone, known
// while valid is set; any write may move it, so Drop forgets it.
type horizon struct {
	valid bool
	until time.Time
}

// entryOverhead approximates what an entry costs beyond its bytes.
const entryOverhead = 512

// maxChangeTimes bounds how many tags' change times are remembered; past
// it they are forgotten and the floor moves up to now, which only makes
// Last-Modified later, never wrongly earlier.
const maxChangeTimes = 100_000

// NewPageCache returns a cache holding up to maxBytes of pages, or nil (no
// caching) when maxBytes is 0 or less. now is the site's clock.
func NewPageCache(maxBytes int64, now time.Time) *PageCache {
	if maxBytes <= 0 {
		return nil
	}
	return &PageCache{max: maxBytes, items: map[string]*list.Element{}, flights: map[string]*flight{},
		index: map[string]map[*cachedPage]struct{}{}, changed: map[string]time.Time{}, floor: now}
}

func (p *cachedPage) cost() int64 {
	n := len(p.key) + len(p.body) + len(p.gz)
	for _, t := range p.tags {
		n += len(t) + 48
	}
	return int64(n) + entryOverhead
}

// get returns the page stored under key if it is still valid at now, with
// horizon the next moment pages change by time alone, dropping it if not.
func (pc *PageCache) get(key string, now, horizon time.Time) *cachedPage {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	el, ok := pc.items[key]
	if !ok {
		return nil
	}
	p := el.Value.(*cachedPage)
	if !now.Before(p.until) || !now.Before(horizon) {
		pc.remove(el)
		return nil
	}
	pc.lru.MoveToFront(el)
	return p
}

// put stores p if nothing was dropped since the render began (began is
// the drop count then), replacing any page under its key and evicting the
// least recently used pages past the budget. A page larger than an eighth
// of the budget is not kept, so one huge page cannot empty the cache.
func (pc *PageCache) put(p *cachedPage, began uint64) bool {
	if p.cost() > pc.max/8 {
		return false
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.drops != began {
		return false
	}
	if el, ok := pc.items[p.key]; ok {
		pc.remove(el)
	}
	pc.items[p.key] = pc.lru.PushFront(p)
	pc.size += p.cost()
	for _, t := range p.tags {
		set := pc.index[t]
		if set == nil {
			set = map[*cachedPage]struct{}{}
			pc.index[t] = set
		}
		set[p] = struct{}{}
	}
	for pc.size > pc.max {
		pc.remove(pc.lru.Back())
	}
	return true
}

func (pc *PageCache) remove(el *list.Element) {
	p := pc.lru.Remove(el).(*cachedPage)
	delete(pc.items, p.key)
	pc.size -= p.cost()
	for _, t := range p.tags {
		if set := pc.index[t]; set != nil {
			delete(set, p)
			if len(set) == 0 {
				delete(pc.index, t)
			}
		}
	}
}

// Drop removes the pages that carry any of the change's tags (every page
// for ch.All) and notes when those tags changed. It returns the list:
// tags of the pages it dropped, for the edge, which knows a long page by
// that tag alone.
func (pc *PageCache) Drop(ch models.Change, now time.Time) []string {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.drops++
	pc.hz.valid = false
	if ch.All {
		pc.lru.Init()
		pc.items, pc.index, pc.size = map[string]*list.Element{}, map[string]map[*cachedPage]struct{}{}, 0
		pc.changed, pc.floor = map[string]time.Time{}, now
		return nil
	}
	if len(pc.changed)+len(ch.Tags) > maxChangeTimes {
		pc.changed, pc.floor = map[string]time.Time{}, now
	}
	var lists []string
	for _, t := range ch.Tags {
		pc.changed[t] = now
		for p := range pc.index[t] {
			if el, ok := pc.items[p.key]; ok && el.Value == p {
				lists = append(lists, listTags(p.tags)...)
				pc.remove(el)
			}
		}
	}
	return lists
}

// lastChanged is the latest change time of any of tags, never before the
// floor.
func (pc *PageCache) lastChanged(tags []string) time.Time {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	t := pc.floor
	for _, tag := range tags {
		if c, ok := pc.changed[tag]; ok && c.After(t) {
			t = c
		}
	}
	return t
}

// dropCount is the number of drops so far; see put.
func (pc *PageCache) dropCount() uint64 {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	return pc.drops
}

// Len is how many pages the cache holds.
func (pc *PageCache) Len() int {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	return len(pc.items)
}

// Size is how many bytes the cache holds, by its own reckoning.
func (pc *PageCache) Size() int64 {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	return pc.size
}

// knownHorizon returns the stored horizon if it holds at now.
func (pc *PageCache) knownHorizon(now time.Time) (time.Time, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.hz.valid && now.Before(pc.hz.until) {
		return pc.hz.until, true
	}
	return time.Time{}, false
}

// setHorizon stores until as the horizon if nothing was dropped since
// began. A horizon that has passed by now moves the floor of
// Last-Modified up to it: every page may have changed then.
func (pc *PageCache) setHorizon(until time.Time, began uint64, now time.Time) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if old := pc.hz.until; !old.IsZero() && !now.Before(old) && old.After(pc.floor) {
		pc.floor = old
	}
	if pc.drops == began {
		pc.hz = horizon{valid: true, until: until}
	}
}

// join returns the render in progress for key, or starts one: leader is
// true for the request that must render and land it.
func (pc *PageCache) join(key string) (f *flight, leader bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if f, ok := pc.flights[key]; ok {
		return f, false
	}
	f = &flight{done: make(chan struct{})}
	pc.flights[key] = f
	return f, true
}

// land ends the render of key, handing p (or nil) to those waiting.
func (pc *PageCache) land(key string, f *flight, p *cachedPage) {
	pc.mu.Lock()
	delete(pc.flights, key)
	pc.mu.Unlock()
	f.page = p
	close(f.done)
}
