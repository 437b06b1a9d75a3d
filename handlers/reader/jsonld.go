package reader

// JSON-LD for search engines, built from typed structs and encoded with
// encoding/json by html/template inside <script type="application/ld+json">,
// which escapes anything that could end the script element.

const schemaOrg = "https://schema.org"

// NewsArticleLD is a schema.org NewsArticle.
type NewsArticleLD struct {
	Context          string         `json:"@context"`
	Type             string         `json:"@type"`
	Headline         string         `json:"headline"`
	Description      string         `json:"description,omitempty"`
	Image            []string       `json:"image"`
	DatePublished    string         `json:"datePublished"`
	DateModified     string         `json:"dateModified"`
	Author           []LDPerson     `json:"author"`
	Publisher        LDOrganization `json:"publisher"`
	MainEntityOfPage LDWebPage      `json:"mainEntityOfPage"`
	ArticleSection   string         `json:"articleSection"`
	Keywords         []string       `json:"keywords,omitempty"`
	// A live article is a LiveBlogPosting with its coverage and updates.
	CoverageStartTime string          `json:"coverageStartTime,omitempty"`
	CoverageEndTime   string          `json:"coverageEndTime,omitempty"`
	LiveBlogUpdate    []LDBlogPosting `json:"liveBlogUpdate,omitempty"`
}

// LDBlogPosting is one update of a LiveBlogPosting.
type LDBlogPosting struct {
	Type          string `json:"@type"`
	Headline      string `json:"headline"`
	ArticleBody   string `json:"articleBody"`
	DatePublished string `json:"datePublished"`
	DateModified  string `json:"dateModified,omitempty"`
	URL           string `json:"url"`
}

// LDPerson is a schema.org Person.
type LDPerson struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// LDOrganization is the publisher.
type LDOrganization struct {
	Type string  `json:"@type"`
	Name string  `json:"name"`
	URL  string  `json:"url"`
	Logo LDImage `json:"logo"`
}

// LDImage is a schema.org ImageObject.
type LDImage struct {
	Type   string `json:"@type"`
	URL    string `json:"url"`
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
}

// LDWebPage names the page an article is the main entity of.
type LDWebPage struct {
	Type string `json:"@type"`
	ID   string `json:"@id"`
}

// BreadcrumbListLD is a schema.org BreadcrumbList.
type BreadcrumbListLD struct {
	Context         string       `json:"@context"`
	Type            string       `json:"@type"`
	ItemListElement []LDListItem `json:"itemListElement"`
}

// LDListItem is one step of a breadcrumb trail.
type LDListItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item,omitempty"`
}

// WebSiteLD is a schema.org WebSite with its search box.
type WebSiteLD struct {
	Context         string         `json:"@context"`
	Type            string         `json:"@type"`
	Name            string         `json:"name"`
	URL             string         `json:"url"`
	PotentialAction LDSearchAction `json:"potentialAction"`
}

// LDSearchAction says how to search the site.
type LDSearchAction struct {
	Type       string       `json:"@type"`
	Target     LDEntryPoint `json:"target"`
	QueryInput string       `json:"query-input"`
}

// LDEntryPoint is the search URL template.
type LDEntryPoint struct {
	Type        string `json:"@type"`
	URLTemplate string `json:"urlTemplate"`
}
