package live

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"

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
}

// Encode renders e as an event of kind (EventEntry, EventEdit, EventRemove).
func (p *Entries) Encode(ctx context.Context, kind string, e models.LiveEntry) (Message, error) {
	ev := eventData{ID: e.ID, Pinned: e.Pinned}
	if kind != EventRemove {
		st, err := p.Settings.Get(ctx)
		if err != nil {
			return Message{}, err
		}
		var buf bytes.Buffer
		if err := p.Views.Fragment(&buf, views.FragmentLiveEntry, kit.EntryInZone(e, st.Location())); err != nil {
			return Message{}, err
		}
		ev.HTML = buf.String()
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
	sent, dropped := p.Hub.Publish(e.ArticleID, m)
	p.Logger.Info("live: published", "article", e.ArticleID, "entry", e.ID, "kind", kind, "sent", sent, "dropped", dropped)
}

// Open reports whether articleID is published and covered live now.
func (p *Entries) Open(ctx context.Context, articleID int64) (bool, error) {
	a, err := p.Articles.PublishedByID(ctx, articleID)
	if errors.Is(err, models.ErrNotFound) {
		return false, nil
	}
	return err == nil && a.IsLive(), err
}

// Missed returns the entries posted after afterID, oldest first, encoded.
func (p *Entries) Missed(ctx context.Context, articleID, afterID int64) ([]Message, error) {
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
