package reader

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
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

// StreamPath is where a live article's event stream is served.
func StreamPath(articleID int64) string {
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
		f = kit.ArticleInZone(f, p.zone())
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
		Stream: StreamPath(a.ID)}
	for i := range entries {
		entries[i] = kit.EntryInZone(entries[i], p.zone())
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
