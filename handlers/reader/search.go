package reader

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// maxSearchInput is how much of a query the page keeps; the search itself
// reads less (see models.SearchQuery).
const maxSearchInput = 2000

// SearchPage shows the results of a search, or the form alone.
type SearchPage struct {
	Layout
	Query   string // what the reader typed, as typed
	Results []SearchHit
	Pager   models.Pager
	BaseURL string // /search?q=... without the page
	// Searched is false when there was nothing to search for (an empty
	// box, or only punctuation or symbols).
	Searched bool
}

func (SearchPage) Template() string { return "search" }

// Search shows /search?q=...: ten results a page, best first.
func (h *Handler) Search(c echo.Context) error {
	n, err := kit.PageParam(c)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(c.QueryParam("q"))
	if len(q) > maxSearchInput {
		q = q[:maxSearchInput]
	}
	q = strings.ToValidUTF8(q, "") // also drops a rune cut in two above
	p := SearchPage{Query: q, BaseURL: "/search?q=" + url.QueryEscape(q), Searched: models.SearchQuery(q) != ""}
	var found []models.SearchResult
	found, p.Pager, err = h.Articles.Search(c.Request().Context(), q, n)
	if err != nil {
		return err
	}
	title := "Search"
	if q != "" {
		title = "Search: " + q
		if n > 1 {
			title += " – page " + strconv.Itoa(n)
		}
	}
	if p.Layout, err = h.layout(c, title); err != nil {
		return err
	}
	p.Results = searchHits(found, p.zone())
	p.Canonical = "/search"
	if q != "" {
		p.Canonical = pageURLWithQuery(p.BaseURL, n)
	}
	p.Description = "Search " + p.Site.SiteName
	// Result pages are for readers, not for search engines' indexes.
	p.Meta.Robots = "noindex, follow"
	return h.render(c, http.StatusOK, p)
}

// pageURLWithQuery adds &page=n to a URL that already has a query.
func pageURLWithQuery(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "&page=" + strconv.Itoa(n)
}

// PrevURL is the address of the page of results before this one.
func (p SearchPage) PrevURL() string { return pageURLWithQuery(p.BaseURL, p.Pager.PrevPage()) }

// NextURL is the address of the page of results after this one.
func (p SearchPage) NextURL() string { return pageURLWithQuery(p.BaseURL, p.Pager.NextPage()) }

// SearchHit is one search result as the page shows it.
type SearchHit struct {
	Card    Card
	Snippet template.HTML // made by models.HighlightSnippet
}

func searchHits(rs []models.SearchResult, loc *time.Location) []SearchHit {
	out := make([]SearchHit, len(rs))
	for i, r := range rs {
		out[i] = SearchHit{Card: cardOf(r.Article, loc), Snippet: r.Snippet}
	}
	return out
}

// FirstNumber is the position of the page's first result in all results.
func (p SearchPage) FirstNumber() int { return p.Pager.Offset() + 1 }
