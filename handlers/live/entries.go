package live

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// Stream event types.
const (
	EventEntry  = "entry"  // a new entry; its event id is the entry's id
	EventEdit   = "edit"   // an entry changed (text, picture, pin); no event id
	EventRemove = "remove" // an entry was removed; no event id
)

// eventData is the data of a stream event: an entry and its HTML as the
// article page shows it, so the page's script only has to insert it.
type eventData struct {
	ID     int64  `json:"id"`
	Pinned bool   `json:"pinned,omitempty"`
	HTML   string `json:"html,omitempty"`
}

// entryFragment is the partial (views/partials/live.html) of one entry as
// the article page shows it.
const entryFragment = "live-entry"

// maxReplay bounds what one reconnect receives; a reader further behind
// reloads the page.
const maxReplay = 200

// Entries turns live entries into stream events, hands them to the hub,
// and answers the stream's questions about an article (it is its Source).
type Entries struct {
	Hub      *Hub
	Live     *models.LiveStore
	Articles *models.ArticleStore
	Settings *models.SettingsStore
	Views    *views.Renderer
	Logger   *slog.Logger
	// Now is the clock of the article cache; time.Now when nil.
	Now func() time.Time

	// A crowd arriving at once asks the same questions: whether the
	// article is live and what its newest entry is. The answers are kept
	// for openFor, so a thousand readers cost one query, not a thousand.
	mu    sync.Mutex
	known map[int64]articleState
}

// articleState is what is known of one article's coverage, and until when.
type articleState struct {
	open   bool
	newest int64 // the newest entry's id, 0 for none
	until  time.Time
}

// openFor is how long an article's state is kept. Ending the coverage
// also ends its streams at once (Hub.CloseTopic) and forgets it.
const openFor = 2 * time.Second

func (p *Entries) now() time.Time {
	if p.Now == nil {
		return time.Now()
	}
	return p.Now()
}

// state returns what is known of articleID, asking the store when the
// kept answer is old.
func (p *Entries) state(ctx context.Context, articleID int64) (articleState, error) {
	now := p.now()
	p.mu.Lock()
	st, ok := p.known[articleID]
	p.mu.Unlock()
	if ok && now.Before(st.until) {
		return st, nil
	}
	a, err := p.Articles.PublishedByID(ctx, articleID)
	if errors.Is(err, models.ErrNotFound) {
		err = nil
	}
	if err != nil {
		return st, err
	}
	st = articleState{open: a.IsLive(), until: now.Add(openFor)}
	if st.open {
		if st.newest, err = p.Live.Newest(ctx, articleID); err != nil {
			return st, err
		}
	}
	p.remember(articleID, func(old *articleState) { *old = st })
	return st, nil
}

func (p *Entries) remember(articleID int64, change func(*articleState)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.known == nil {
		p.known = map[int64]articleState{}
	}
	st := p.known[articleID]
	change(&st)
	p.known[articleID] = st
}

// Forget drops what is known of articleID (its coverage started or ended).
func (p *Entries) Forget(articleID int64) {
	p.mu.Lock()
	delete(p.known, articleID)
	p.mu.Unlock()
}

// Encode renders e as an event of kind (EventEntry, EventEdit, EventRemove).
func (p *Entries) Encode(ctx context.Context, kind string, e models.LiveEntry) (Message, error) {
	ev := eventData{ID: e.ID, Pinned: e.Pinned}
	if kind != EventRemove {
		st, err := p.Settings.Get(ctx)
		if err != nil {
			return Message{}, err
		}
		html, err := p.Views.Fragment(entryFragment, kit.EntryInZone(e, st.Location()))
		if err != nil {
			return Message{}, err
		}
		ev.HTML = string(html)
	}
	data, err := json.Marshal(ev)
	if err != nil {
		return Message{}, err
	}
	var id int64
	if kind == EventEntry {
		id = e.ID
	}
	return Encode(id, kind, data), nil
}

// Publish sends a change of entry e to the readers of its article. The
// change is stored already: a failure here only delays open pages, which
// catch up when they reconnect or reload.
func (p *Entries) Publish(ctx context.Context, kind string, e models.LiveEntry) {
	m, err := p.Encode(ctx, kind, e)
	if err != nil {
		p.Logger.Warn("live: encode entry", "entry", e.ID, "err", err)
		return
	}
	if kind == EventEntry {
		p.remember(e.ArticleID, func(st *articleState) { st.newest = max(st.newest, e.ID) })
	}
	sent, dropped := p.Hub.Publish(e.ArticleID, m)
	p.Logger.Info("live: published", "article", e.ArticleID, "entry", e.ID, "kind", kind, "sent", sent, "dropped", dropped)
}

// Open reports whether articleID is published and covered live now.
func (p *Entries) Open(ctx context.Context, articleID int64) (bool, error) {
	st, err := p.state(ctx, articleID)
	return st.open, err
}

// Missed returns the entries posted after afterID, oldest first, encoded.
func (p *Entries) Missed(ctx context.Context, articleID, afterID int64) ([]Message, error) {
	if st, err := p.state(ctx, articleID); err != nil || afterID >= st.newest {
		return nil, err // a reader with the newest entry missed nothing
	}
	list, err := p.Live.EntriesAfter(ctx, articleID, afterID, maxReplay)
	if err != nil {
		return nil, err
	}
	out := make([]Message, 0, len(list))
	for _, e := range list {
		m, err := p.Encode(ctx, EventEntry, e)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}
