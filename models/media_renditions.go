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

// Renditions makes and caches the resized copies of library images. Copies
// are made on first request from the original, kept in a least-recently-used
// cache bounded in bytes, and never written to disk. Concurrent requests for
// the same copy share one resize, and at most a few resizes run at once, so
// a burst of first requests cannot hold many full-size decodes in memory.
type Renditions struct {
	store *MediaStore
	cache *byteLRU
	group singleflight.Group
	slots chan struct{}
	made  atomic.Int64
}

// NewRenditions returns a cache of at most maxBytes of resized copies over
// store; parallel is how many resizes may run at the same time.
func NewRenditions(store *MediaStore, maxBytes int64, parallel int) *Renditions {
	return &Renditions{store: store, cache: newByteLRU(maxBytes), slots: make(chan struct{}, max(1, parallel))}
}

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

// Get returns the copy of image m (as loaded by the store) at a standard
// width, making it if it is not cached.
func (r *Renditions) Get(ctx context.Context, m Media, width int) (Rendition, error) {
	key := strconv.FormatInt(m.ID, 10) + "/" + strconv.Itoa(width) + "/" + m.SHA256
	if v, ok := r.cache.get(key); ok {
		return v, nil
	}
	v, err, _ := r.group.Do(key, func() (any, error) {
		if v, ok := r.cache.get(key); ok {
			return v, nil
		}
		release, err := r.Slot(ctx)
		if err != nil {
			return nil, err
		}
		defer release()
		_, data, err := r.store.Original(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		resized, err := imaging.ResizeImage(data, width, m.Format)
		if err != nil {
			return nil, err
		}
		r.made.Add(1)
		rd := Rendition{Resized: resized, ETag: ETag(m, width)}
		r.cache.add(key, rd)
		return rd, nil
	})
	if err != nil {
		return Rendition{}, err
	}
	return v.(Rendition), nil
}

// Slot waits for one of the few places in which a full-size image may be
// decoded (a resize, or checking an upload) and returns its release.
func (r *Renditions) Slot(ctx context.Context) (release func(), err error) {
	select {
	case r.slots <- struct{}{}:
		return func() { <-r.slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Made counts the copies resized since start: cache misses that did work.
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
