package reader

import (
	"html/template"
	"sync"
)

// keptFragments keeps rendered fragments of page parts that many pages show
// and that rarely change (a comment, an article's card), by id. Each is kept
// with the values it was rendered from and used only while they are all
// unchanged, so a write never needs to reach it: a changed comment or card
// renders again the next time a page shows it.
type keptFragments[K comparable, V any] struct {
	mu   sync.Mutex
	max  int
	byID map[K]keptFragment[V]
}

type keptFragment[V any] struct {
	from V
	html template.HTML
}

// get returns the fragment kept for id when it was rendered from values
// that same reports equal to v.
func (k *keptFragments[K, V]) get(id K, v V, same func(a, b V) bool) (template.HTML, bool) {
	k.mu.Lock()
	f, ok := k.byID[id]
	k.mu.Unlock()
	if !ok || !same(f.from, v) {
		return "", false
	}
	return f.html, true
}

// put keeps html, rendered from v, for id. When max are kept, an arbitrary
// tenth (map order is random) makes room.
func (k *keptFragments[K, V]) put(id K, v V, html template.HTML) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.byID == nil {
		k.byID = make(map[K]keptFragment[V])
	}
	if len(k.byID) >= k.max {
		drop := k.max/10 + 1
		for id := range k.byID {
			if drop == 0 {
				break
			}
			delete(k.byID, id)
			drop--
		}
	}
	k.byID[id] = keptFragment[V]{from: v, html: html}
}
