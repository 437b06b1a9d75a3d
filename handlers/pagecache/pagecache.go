package pagecache

import (
	"container/list"
	"net/http"
	"sync"
	"time"
)

// PageCache keeps rendered reader pages in memory, each with a gzip copy
// made once, bounded by a byte budget and evicting the least recently used.
// A page is valid only for the database generation it was rendered at and
// until the next moment it could change by time alone; get drops it after.
type PageCache struct {
	mu    sync.Mutex
	max   int64
	size  int64
	lru   list.List // of *cachedPage, most recently used first
	items map[string]*list.Element
	hz    horizon
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
	gen     uint64
	from    time.Time // valid from this moment of the site's clock ...
	until   time.Time // ... to just before this one
	header  http.Header
	body    []byte
	gz      []byte // nil until made; made once for a stored page
	etag    string // strong, of body
	lastMod string
}

// horizon is the next moment reader pages change by time alone, as known
// at one generation.
type horizon struct {
	gen         uint64
	from, until time.Time
}

// entryOverhead approximates what an entry costs beyond its bytes.
const entryOverhead = 512

// NewPageCache returns a cache holding up to maxBytes of pages, or nil (no
// caching) when maxBytes is 0 or less.
func NewPageCache(maxBytes int64) *PageCache {
	if maxBytes <= 0 {
		return nil
	}
	return &PageCache{max: maxBytes, items: map[string]*list.Element{}, flights: map[string]*flight{}}
}

func (p *cachedPage) cost() int64 {
	return int64(len(p.key)+len(p.body)+len(p.gz)) + entryOverhead
}

func (p *cachedPage) valid(gen uint64, now time.Time) bool {
	return p.gen == gen && !now.Before(p.from) && now.Before(p.until)
}

// get returns the page stored under key if it is still valid at gen and
// now, dropping it if not.
func (pc *PageCache) get(key string, gen uint64, now time.Time) *cachedPage {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	el, ok := pc.items[key]
	if !ok {
		return nil
	}
	p := el.Value.(*cachedPage)
	if !p.valid(gen, now) {
		pc.remove(el)
		return nil
	}
	pc.lru.MoveToFront(el)
	return p
}

// put stores p, replacing any page under its key and evicting the least
// recently used pages past the budget. A page larger than an eighth of the
// budget is not kept, so one huge page cannot empty the cache.
func (pc *PageCache) put(p *cachedPage) {
	if p.cost() > pc.max/8 {
		return
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if el, ok := pc.items[p.key]; ok {
		pc.remove(el)
	}
	pc.items[p.key] = pc.lru.PushFront(p)
	pc.size += p.cost()
	for pc.size > pc.max {
		pc.remove(pc.lru.Back())
	}
}

func (pc *PageCache) remove(el *list.Element) {
	p := pc.lru.Remove(el).(*cachedPage)
	delete(pc.items, p.key)
	pc.size -= p.cost()
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

// knownHorizon returns the stored horizon if it holds for gen and now.
func (pc *PageCache) knownHorizon(gen uint64, now time.Time) (time.Time, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	hz := pc.hz
	if hz.gen == gen && !now.Before(hz.from) && now.Before(hz.until) {
		return hz.until, true
	}
	return time.Time{}, false
}

func (pc *PageCache) setHorizon(hz horizon) {
	pc.mu.Lock()
	pc.hz = hz
	pc.mu.Unlock()
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
