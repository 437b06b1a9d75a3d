package reader

import (
	"html/template"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/handlers/pagecache"
	"github.com/newsroom/news/models"
)

// Layout is what every page shows around its content: the date bar, the
// masthead and navigation, the sidebar, the footer.
type Layout struct {
	Title          string
	Description    string
	Canonical      string
	Site           models.Settings
	Sections       []models.Category // every section, in navigation order
	Nav            []models.Category // the sections editors put in the navigation
	Latest         []models.Article
	MostRead       MostRead
	FooterPages    []models.SitePage // published pages, in the order editors chose
	CurrentSection string
	Today          string // "Sunday, June 23, 2024" in the site's time zone
	TodayISO       string
	Year           int
	loc            *time.Location
	// Meta is what search engines, feed readers and social networks read
	// in the head; see meta.go.
	Meta PageMeta
	// Banner is the breaking-news line at the top, nil when none is up.
	Banner *models.Banner
	base   string // Deps.BaseURL
	// Masthead, Sidebar and Footer are the chrome's ready HTML, rendered
	// by the views from the fields above (chrome.go), and FeedLinks the
	// head's links to the site's and the section's feeds.
	Masthead, Sidebar, Footer template.HTML
	FeedLinks                 template.HTML
	chrome                    *siteChrome
}

// MostRead is the sidebar's lists of the articles read most.
type MostRead struct {
	Today, Week []models.Article
}

// latestCount is how many articles the sidebar's Latest posts shows.
const latestCount = 5

// layout starts a page from the chrome every reader page shares (built
// once per change, see chrome.go).
func (h *Handler) layout(c echo.Context, title string) (Layout, error) {
	ch, err := h.chrome(c.Request().Context())
	if err != nil {
		return Layout{}, err
	}
	l := ch.base
	l.Title = title
	l.chrome = ch
	// The chrome changes by time (midnight, a scheduled article, the Most
	// read lists) at ch.until: so does every page showing it.
	pagecache.Until(c, ch.until)
	return l, nil
}

// zone is the layout's time zone.
func (l Layout) zone() *time.Location {
	if l.loc == nil {
		return time.UTC
	}
	return l.loc
}

// LayoutTemplate frames every page that embeds Layout in the reader site's
// chrome (layouts/base.html).
func (Layout) LayoutTemplate() string { return "layout" }

// render executes p's template and writes it with status.
func (h *Handler) render(c echo.Context, status int, p kit.Page) error {
	if t, ok := p.(tagged); ok {
		pagecache.AddTags(c, t.cacheTags()...)
	}
	return kit.Render(c, h.Views, status, p)
}

// HomePage is the front page.
type HomePage struct {
	Layout
	Lead   *Card
	Top    []Card // the top stories under the lead
	Blocks []SectionBlock
}

// SectionBlock is one section's newest articles on the front page not
// already shown above it: its lead story, with a picture, and a compact
// list of the rest.
type SectionBlock struct {
	Category models.Category
	Lead     Card
	Rest     []Card
}

func (HomePage) Template() string { return "home" }

// ArticlePage is one article with its comments and form.
type ArticlePage struct {
	Layout
	Article  models.Article
	Tags     []models.Tag
	Related  []Card
	Comments []models.Comment
	Form     CommentForm
	// Thread is Comments arranged as replies under what they answer.
	Thread []CommentView
	// Own is the commenter's own comment awaiting moderation, on their
	// private confirmation page; 0 elsewhere.
	Own int64
	// ReplyTo is the comment the form answers, nil for a new thread.
	ReplyTo *models.Comment
	// CommentNotice tells a commenter what became of their comment.
	CommentNotice string
	// Corrections are shown at the end of the article.
	Corrections []models.Correction
	// Story is the article, its tags and corrections as the page shows
	// them (story.go).
	Story Story
	// Share are the plain links that share the article.
	Share []ShareLink
	// Live is the article's live coverage, nil if it never had any.
	Live *LiveSection
	// FollowedBy is the live coverage that continues this article.
	FollowedBy *models.Article
}

func (ArticlePage) Template() string { return "article" }

// ListPage is a paginated list of articles: a section, a tag, an author.
type ListPage struct {
	Layout
	Kind    string // "Section", "Tag", "Author"
	Heading string
	Intro   string
	// JobTitle and Photo (an image address) are an author page's person; empty on other lists.
	JobTitle, Photo string
	Articles        []Card
	Pager           models.Pager
	BaseURL         string // the list's address without ?page
	// ListTag is the cache tag of the list: a section, tag or author.
	ListTag models.CacheTag
	Feed    string // the list's own RSS feed
}

func (ListPage) Template() string { return "list" }

// ErrorPage explains an error in the site's normal chrome.
type ErrorPage struct {
	Layout
	Status    int
	Heading   string
	Message   string
	RequestID string
}

func (ErrorPage) Template() string { return "error" }

// Pages are the reader site's page types; a new page is added here.
func Pages() []kit.Page {
	return []kit.Page{HomePage{}, ArticlePage{}, ListPage{}, ErrorPage{}, SearchPage{}, CorrectionsPage{},
		SitePageView{}, ArticlePreviewPage{}}
}
