package reader

import (
	"context"
	"html/template"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// siteChrome is what every reader page shows around its content: the date
// bar, masthead and navigation, the sidebar (Latest posts, Most read, Stay
// Connected) and the footer, with the settings and sections they come from. It is
// built once per change of what it shows, not per page, and rendered to
// ready HTML by the views.
type siteChrome struct {
	gen   uint64    // chromeCache.gen when it was built
	until time.Time // the next midnight, scheduled article or banner end, whichever first
	// base is the Layout every page starts from.
	base Layout
	// mastheads by Layout.CurrentSection: the navigation marks the page's
	// section. Any other value shows the masthead of "". feeds likewise
	// hold the head's feed links.
	mastheads, feeds map[string]template.HTML
	// tags name what it shows (Layout.cacheTags): "chrome" (banners
	// publish it too) and the articles Latest posts and Most read link.
	tags []string
}

// chromeCache holds the current chrome; builds are rare and one at a time.
type chromeCache struct {
	cur   atomic.Pointer[siteChrome]
	build sync.Mutex
	// gen moves on with each committed change that names the chrome's
	// tags (changed); building is set while a chrome is built.
	gen      atomic.Uint64
	building atomic.Bool
}

// changed is told each committed change (models.Changes). One that names
// the chrome or an article in its Latest posts, or whose tags are unknown,
// makes the next page build it again; so does any change while a chrome is
// being built, which may have read what the change replaced. Other writes
// (a comment, an edit of an older article) leave it as it is.
func (cc *chromeCache) changed(ch models.Change) {
	if ch.All || cc.building.Load() {
		cc.gen.Add(1)
		return
	}
	cur := cc.cur.Load()
	if cur == nil {
		return
	}
	for _, t := range ch.Tags {
		if slices.Contains(cur.tags, t) {
			cc.gen.Add(1)
			return
		}
	}
}

// chrome returns the current chrome, building it when a change or the
// time has changed what it shows.
func (h *Handler) chrome(ctx context.Context) (*siteChrome, error) {
	gen := h.chromes.gen.Load()
	now := h.Now()
	if c := h.chromes.cur.Load(); c.fresh(gen, now) {
		return c, nil
	}
	h.chromes.build.Lock()
	defer h.chromes.build.Unlock()
	h.chromes.building.Store(true)
	defer h.chromes.building.Store(false)
	// Read after building is set: a change from here on moves it again.
	gen = h.chromes.gen.Load()
	if c := h.chromes.cur.Load(); c.fresh(gen, now) {
		return c, nil
	}
	c, err := h.buildChrome(ctx, gen, now)
	if err != nil {
		return nil, err
	}
	h.chromes.cur.Store(c)
	return c, nil
}

func (c *siteChrome) fresh(gen uint64, now time.Time) bool {
	return c != nil && c.gen == gen && now.Before(c.until)
}

// buildChrome loads what the chrome shows and renders it. gen is read
// before the queries, so a write that lands meanwhile makes the next page
// build it again.
func (h *Handler) buildChrome(ctx context.Context, gen uint64, now time.Time) (*siteChrome, error) {
	st, err := h.Settings.Get(ctx)
	if err != nil {
		return nil, err
	}
	secs, err := h.Categories.All(ctx)
	if err != nil {
		return nil, err
	}
	latest, err := h.Articles.Latest(ctx, latestCount)
	if err != nil {
		return nil, err
	}
	pages, err := h.Pages.List(ctx, true)
	if err != nil {
		return nil, err
	}
	loc := st.Location()
	local := now.In(loc)
	y, m, d := local.Date()
	until := time.Date(y, m, d+1, 0, 0, 0, 0, loc) // the date bar
	if next, ok, err := h.Articles.NextScheduled(ctx, now); err != nil {
		return nil, err
	} else if ok && next.Before(until) {
		until = next // it joins Latest posts
	}
	most, mostUntil, err := h.mostRead(ctx)
	if err != nil {
		return nil, err
	}
	if mostUntil.Before(until) {
		until = mostUntil // the Most read lists are worked out again
	}
	banner, err := h.banner(ctx)
	if err != nil {
		return nil, err
	}
	if banner != nil && banner.EndsAt.Before(until) {
		until = banner.EndsAt // it goes down
	}
	c := &siteChrome{gen: gen, until: until, base: Layout{
		Banner:      banner,
		FooterPages: pages,
		Site:        st,
		Sections:    secs,
		Nav:         models.Navigation(secs),
		Latest:      kit.InZone(latest, loc),
		MostRead:    MostRead{Today: kit.InZone(slices.Clone(most.Today), loc), Week: kit.InZone(slices.Clone(most.Week), loc)},
		Today:       local.Format("Monday, January 2, 2006"),
		TodayISO:    local.Format("2006-01-02"),
		Year:        local.Year(),
		loc:         loc,
		Meta:        h.defaultMeta(),
		base:        h.BaseURL,
	}}
	if err := h.renderChrome(c); err != nil {
		return nil, err
	}
	for _, t := range c.base.cacheTags() {
		c.tags = append(c.tags, string(t))
	}
	for _, a := range append(slices.Clone(most.Today), most.Week...) {
		c.tags = append(c.tags, string(models.ArticleTag(a.ID)))
	}
	return c, nil
}

// renderChrome renders c's sidebar and footer, and its masthead for each
// section the navigation can mark.
func (h *Handler) renderChrome(c *siteChrome) error {
	l := &c.base
	var err error
	if l.Sidebar, err = h.Views.Fragment("sidebar", l); err != nil {
		return err
	}
	if l.Footer, err = h.Views.Fragment("footer", l); err != nil {
		return err
	}
	c.mastheads = make(map[string]template.HTML, len(l.Sections)+2)
	c.feeds = make(map[string]template.HTML, len(l.Sections)+2)
	for _, s := range append([]string{"", "home"}, sectionSlugs(l.Sections)...) {
		l.CurrentSection = s
		if c.mastheads[s], err = h.Views.Fragment("masthead", l); err != nil {
			return err
		}
		if c.feeds[s], err = h.Views.Fragment("feed-links", l); err != nil {
			return err
		}
	}
	l.CurrentSection = ""
	l.Masthead, l.FeedLinks = c.mastheads[""], c.feeds[""]
	return nil
}

func sectionSlugs(secs []models.Category) []string {
	out := make([]string, len(secs))
	for i, s := range secs {
		out[i] = s.Slug
	}
	return out
}

// inSection marks the page as part of a section ("home" for the front
// page), for the navigation and the section's feed links.
func (l *Layout) inSection(slug string) {
	l.CurrentSection = slug
	if l.chrome == nil {
		return
	}
	if m, ok := l.chrome.mastheads[slug]; ok {
		l.Masthead, l.FeedLinks = m, l.chrome.feeds[slug]
	} else {
		l.Masthead, l.FeedLinks = l.chrome.mastheads[""], l.chrome.feeds[""]
	}
}
