package models

import (
	"container/list"
	"context"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/newsroom/news/models/imaging"
	"golang.org/x/sync/singleflight"
)

// Renditions makes and caches the resized copies of library images. All the
// widths of an image are made from one decode (at upload, or on the first
// request after the cache lost them), kept in a least-recently-used cache
// bounded in bytes, and never written to disk. Concurrent requests for one
// image share one job, and every job first reserves the memory it will use
// from the process's one MemoryBudget, so a burst of first requests waits
// (or, past a few waiting, is refused) instead of filling the memory.
type Renditions struct {
	store  *MediaStore
	cache  *byteLRU
	group  singleflight.Group
	budget *MemoryBudget
	made   atomic.Int64
}

// NewRenditions returns a cache of at most maxBytes of resized copies over
// store; budget bounds the memory of all decodes and resizes at once.
func NewRenditions(store *MediaStore, maxBytes int64, budget *MemoryBudget) *Renditions {
	return &Renditions{store: store, cache: newByteLRU(maxBytes), budget: budget}
}

// Budget is the memory budget image jobs share, uploads' checks included.
func (r *Renditions) Budget() *MemoryBudget { return r.budget }

// Rendition is a resized copy with what serving it needs.
type Rendition struct {
	imaging.Resized
	ETag string
}

// ValidWidth reports whether w is one of the widths images are served at.
func ValidWidth(w int) bool {
	for _, sw := range imaging.ImageWidths {
		if sw == w {
			return true
		}
	}
	return false
}

// ETag is the entity tag of an image's copy at width: the original's digest
// and the width, so it changes only if the bytes could.
func ETag(m Media, width int) string {
	return `"` + m.SHA256[:min(16, len(m.SHA256))] + "-" + strconv.Itoa(width) + `"`
}

func renditionKey(m Media, width int) string {
	return strconv.FormatInt(m.ID, 10) + "/" + strconv.Itoa(width) + "/" + m.SHA256
}

// Get returns the copy of image m (as loaded by the store) at a standard
// width, making all its copies if this one is not cached.
func (r *Renditions) Get(ctx context.Context, m Media, width int) (Rendition, error) {
	if v, ok := r.cache.get(renditionKey(m, width)); ok {
		return v, nil
	}
	all, err := r.makeAll(ctx, m)
	if err != nil {
		return Rendition{}, err
	}
	for i, w := range imaging.ImageWidths {
		if w == width {
			return all[i], nil
		}
	}
	return Rendition{}, ErrNotFound
}

// Prepare makes and caches every copy of m, as at upload, so that readers
// never wait for them.
func (r *Renditions) Prepare(ctx context.Context, m Media) error {
	_, err := r.makeAll(ctx, m)
	return err
}

// makeAll makes every width of m in one job shared by concurrent callers.
func (r *Renditions) makeAll(ctx context.Context, m Media) ([]Rendition, error) {
	v, err, _ := r.group.Do(strconv.FormatInt(m.ID, 10)+"/"+m.SHA256, func() (any, error) {
		_, data, err := r.store.Original(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		cost, err := imaging.ResizeCost(data, m.Orientation)
		if err != nil {
			return nil, err
		}
		release, err := r.budget.Reserve(ctx, cost)
		if err != nil {
			return nil, err
		}
		defer release()
		resized, err := imaging.ResizeAll(data, m.Orientation, m.Format)
		if err != nil {
			return nil, err
		}
		r.made.Add(1)
		all := make([]Rendition, len(resized))
		for i, w := range imaging.ImageWidths {
			all[i] = Rendition{Resized: resized[i], ETag: ETag(m, w)}
			r.cache.add(renditionKey(m, w), all[i])
		}
		return all, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]Rendition), nil
}

// Made counts the images resized since start: jobs that decoded an original.
func (r *Renditions) Made() int64 { return r.made.Load() }

// CachedBytes is how many bytes of copies the cache holds.
func (r *Renditions) CachedBytes() int64 { return r.cache.bytes() }

// byteLRU is a least-recently-used cache bounded by the bytes it holds.
type byteLRU struct {
	mu    sync.Mutex
	max   int64
	size  int64
	order *list.List // front: most recently used
	items map[string]*list.Element
}

type lruEntry struct {
	key string
	val Rendition
}

func newByteLRU(max int64) *byteLRU {
	return &byteLRU{max: max, order: list.New(), items: map[string]*list.Element{}}
}

func (c *byteLRU) get(key string) (Rendition, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return Rendition{}, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*lruEntry).val, true
}

// add stores val, evicting the least recently used entries to stay within
// the bound. A copy larger than the whole cache is not kept.
func (c *byteLRU) add(key string, val Rendition) {
	n := int64(len(val.Data))
	c.mu.Lock()
	defer c.mu.Unlock()
	if n > c.max {
		return
	}
	if el, ok := c.items[key]; ok {
		c.size -= int64(len(el.Value.(*lruEntry).val.Data))
		c.order.Remove(el)
		delete(c.items, key)
	}
	for c.size+n > c.max {
		last := c.order.Back()
		e := last.Value.(*lruEntry)
		c.order.Remove(last)
		delete(c.items, e.key)
		c.size -= int64(len(e.val.Data))
	}
	c.items[key] = c.order.PushFront(&lruEntry{key: key, val: val})
	c.size += n
}

func (c *byteLRU) bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}
