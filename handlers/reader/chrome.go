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
	gen   uint64    // the database's write count it was built at
	until time.Time // the next midnight, scheduled article or banner end, whichever first
	// base is the Layout every page starts from.
	base Layout
	// mastheads by Layout.CurrentSection: the navigation marks the page's
	// section. Any other value shows the masthead of "".
	mastheads map[string]template.HTML
}

// chromeCache holds the current chrome; builds are rare and one at a time.
type chromeCache struct {
	cur   atomic.Pointer[siteChrome]
	build sync.Mutex
}

// chrome returns the current chrome, building it when a write or the time
// has changed what it shows.
func (h *Handler) chrome(ctx context.Context) (*siteChrome, error) {
	var gen uint64
	if h.Generation != nil {
		gen = h.Generation()
	}
	now := h.Now()
	if c := h.chromes.cur.Load(); c.fresh(gen, now) {
		return c, nil
	}
	h.chromes.build.Lock()
	defer h.chromes.build.Unlock()
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
	for _, s := range append([]string{"", "home"}, sectionSlugs(l.Sections)...) {
		l.CurrentSection = s
		if c.mastheads[s], err = h.Views.Fragment("masthead", l); err != nil {
			return err
		}
	}
	l.CurrentSection = ""
	l.Masthead = c.mastheads[""]
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
		l.Masthead = m
	} else {
		l.Masthead = l.chrome.mastheads[""]
	}
}
