package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/newsroom/news/handlers/live"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// LiveSection is a live article's coverage as its page shows it.
type LiveSection struct {
	On         bool
	Start, End time.Time // in the site's zone
	Entries    []models.LiveEntry
	KeyEvents  []models.LiveEntry
	// Stream is the address of the Server-Sent Events stream.
	Stream string
	// Newest is the id of the newest entry shown, for the stream to
	// start after.
	Newest int64
}

// streamPath is where a live article's stream is served.
func streamPath(articleID int64) string {
	return "/live/" + strconv.FormatInt(articleID, 10) + "/events"
}

// banner returns the banner showing now, nil if none is.
func (h *Handler) banner(ctx context.Context) (*models.Banner, error) {
	if h.Banners == nil {
		return nil, nil
	}
	b, err := h.Banners.Current(ctx)
	if errors.Is(err, models.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &b, nil
}

// liveSection fills in an article page's live coverage and the live
// coverage that follows it.
func (h *Handler) liveSection(ctx context.Context, p *ArticlePage) error {
	a := p.Article
	if f, err := h.Live.Follower(ctx, a.ID); err == nil {
		f = articleInZone(f, p.zone())
		p.FollowedBy = &f
	} else if !errors.Is(err, models.ErrNotFound) {
		return err
	}
	if !a.Coverage.Ever() {
		return nil
	}
	entries, err := h.Live.Entries(ctx, a.ID)
	if err != nil {
		return err
	}
	s := &LiveSection{On: a.IsLive(), Start: a.Coverage.Start.In(p.zone()), End: a.Coverage.End.In(p.zone()),
		Stream: streamPath(a.ID)}
	for i := range entries {
		entries[i] = entryInZone(entries[i], p.zone())
		if entries[i].Pinned {
			s.KeyEvents = append(s.KeyEvents, entries[i])
		}
	}
	if len(entries) > 0 {
		s.Newest = entries[0].ID
	}
	s.Entries = entries
	p.Live = s
	liveLD(p)
	return nil
}

// ldUpdates is how many of the newest entries the JSON-LD lists.
const ldUpdates = 50

// liveLD makes a live article's JSON-LD a LiveBlogPosting.
func liveLD(p *ArticlePage) {
	ld, s := p.Meta.NewsArticle, p.Live
	if ld == nil {
		return
	}
	ld.Type = "LiveBlogPosting"
	ld.CoverageStartTime = isoTime(s.Start)
	if !s.On {
		ld.CoverageEndTime = isoTime(s.End)
	}
	for i, e := range s.Entries {
		if i == ldUpdates {
			break
		}
		ld.LiveBlogUpdate = append(ld.LiveBlogUpdate, LDBlogPosting{Type: "BlogPosting", Headline: e.Summary(),
			ArticleBody: models.PlainText(e.BodyHTML), DatePublished: isoTime(e.CreatedAt), DateModified: isoTime(e.UpdatedAt),
			URL: p.AbsURL(p.Article.URL()) + "#" + e.Anchor()})
	}
}

func entryInZone(e models.LiveEntry, loc *time.Location) models.LiveEntry {
	e.CreatedAt, e.UpdatedAt = e.CreatedAt.In(loc), e.UpdatedAt.In(loc)
	return e
}

// liveEvent is the data of a stream event: an entry and its HTML as the
// page shows it.
type liveEvent struct {
	ID     int64  `json:"id"`
	Pinned bool   `json:"pinned,omitempty"`
	HTML   string `json:"html,omitempty"`
}

// Stream event types.
const (
	eventEntry  = "entry"  // a new entry; its event id is the entry's id
	eventEdit   = "edit"   // an entry changed; no event id
	eventRemove = "remove" // an entry was removed; no event id
)

// encodeEntry renders e for the stream as an event of kind.
func (h *Handler) encodeEntry(ctx context.Context, kind string, e models.LiveEntry) (live.Message, error) {
	ev := liveEvent{ID: e.ID, Pinned: e.Pinned}
	if kind != eventRemove {
		st, err := h.Settings.Get(ctx)
		if err != nil {
			return live.Message{}, err
		}
		var buf bytes.Buffer
		if err := h.Views.Fragment(&buf, views.FragmentLiveEntry, entryInZone(e, st.Location())); err != nil {
			return live.Message{}, err
		}
		ev.HTML = buf.String()
	}
	data, err := json.Marshal(ev)
	if err != nil {
		return live.Message{}, err
	}
	var id int64
	if kind == eventEntry {
		id = e.ID
	}
	return live.Encode(id, kind, data), nil
}

// publishEntry sends a change of entry e to the readers of its article.
// The change is stored already; a failure here only delays open pages.
func (h *Handler) publishEntry(ctx context.Context, kind string, e models.LiveEntry) {
	m, err := h.encodeEntry(ctx, kind, e)
	if err != nil {
		h.Logger.Warn("live: encode entry", "entry", e.ID, "err", err)
		return
	}
	sent, dropped := h.LiveHub.Publish(e.ArticleID, m)
	h.Logger.Info("live: published", "article", e.ArticleID, "entry", e.ID, "kind", kind, "sent", sent, "dropped", dropped)
}

// liveSource is what the stream asks of the store.
type liveSource struct{ h *Handler }

// maxReplay bounds what one reconnect receives; a reader further behind
// reloads the page.
const maxReplay = 200

func (s liveSource) Open(ctx context.Context, articleID int64) (bool, error) {
	a, err := s.h.Articles.PublishedByID(ctx, articleID)
	if errors.Is(err, models.ErrNotFound) {
		return false, nil
	}
	return err == nil && a.IsLive(), err
}

func (s liveSource) Missed(ctx context.Context, articleID, afterID int64) ([]live.Message, error) {
	list, err := s.h.Live.EntriesAfter(ctx, articleID, afterID, maxReplay)
	if err != nil {
		return nil, err
	}
	out := make([]live.Message, 0, len(list))
	for _, e := range list {
		m, err := s.h.encodeEntry(ctx, eventEntry, e)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// withLiveNow adds to list the articles covered live now that it lacks.
func (h *Handler) withLiveNow(ctx context.Context, list []models.Article) ([]models.Article, error) {
	live, err := h.Live.LiveNow(ctx, newsMax)
	if err != nil {
		return nil, err
	}
	have := map[int64]bool{}
	for _, a := range list {
		have[a.ID] = true
	}
	for _, a := range live {
		if !have[a.ID] && len(list) < newsMax {
			list = append(list, a)
		}
	}
	return list, nil
}
