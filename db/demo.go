package db

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"time"
)

//go:embed demo/*.json
var demoFS embed.FS

// DemoSection is a section of the demo site.
type DemoSection struct {
	Slug, Name, Description string
}

// DemoAuthor is a byline of the demo site.
type DemoAuthor struct {
	Slug, Name, Bio string
}

// DemoComment is a reader comment on a demo article.
type DemoComment struct {
	Name      string     `json:"name"`
	Body      string     `json:"body"`
	HoursAgo  int        `json:"hours_ago"`
	CreatedAt *time.Time `json:"created_at"`
}

// DemoArticle is one demo story. It is dated either absolutely
// (PublishedAt, for the seed article) or relative to start-up (HoursAgo), so
// a new demo site always looks current.
type DemoArticle struct {
	Title           string        `json:"title"`
	Section         string        `json:"section"`
	Author          string        `json:"author"`
	CoAuthors       []string      `json:"coauthors"` // further bylines, by slug
	Summary         string        `json:"summary"`
	Body            string        `json:"body"`
	Tags            []string      `json:"tags"`
	Featured        bool          `json:"featured"`
	Source          string        `json:"source"`
	HoursAgo        int           `json:"hours_ago"`
	PublishedAt     *time.Time    `json:"published_at"`
	UpdatedHoursAgo *int          `json:"updated_hours_ago"`
	Comments        []DemoComment `json:"comments"`
	// Live, when set, makes the article live coverage with entries.
	Live *DemoLive `json:"live"`
}

// DemoLive is a demo article's live coverage: begun some hours before
// start-up, continuing the story of the article titled Follows.
type DemoLive struct {
	Follows         string      `json:"follows"`
	StartedHoursAgo int         `json:"started_hours_ago"`
	Entries         []DemoEntry `json:"entries"`
}

// DemoEntry is one update of demo live coverage, oldest first in the file.
type DemoEntry struct {
	MinutesAgo int    `json:"minutes_ago"`
	Body       string `json:"body"`
	Pinned     bool   `json:"pinned"`
}

// Demo is the content a new site starts with.
type Demo struct {
	Sections []DemoSection
	Authors  []DemoAuthor
	Articles []DemoArticle
}

// DemoContent returns the embedded demo content, articles in file order.
func DemoContent() (Demo, error) {
	d := Demo{Sections: demoSections, Authors: demoAuthors}
	files, err := fs.Glob(demoFS, "demo/*.json")
	if err != nil {
		return d, err
	}
	for _, f := range files {
		b, err := demoFS.ReadFile(f)
		if err != nil {
			return d, err
		}
		var list []DemoArticle
		if err := json.Unmarshal(b, &list); err != nil {
			return d, fmt.Errorf("db: demo %s: %w", f, err)
		}
		d.Articles = append(d.Articles, list...)
	}
	return d, nil
}

var demoSections = []DemoSection{
	{"world-news", "World News", "Reporting from every continent."},
	{"politics", "Politics", "Parliaments, councils, campaigns and the people in them."},
	{"business", "Business", "Companies, markets and the economy."},
	{"technology", "Technology", "Software, hardware and the people who build them."},
	{"science", "Science", "Research, discovery and the natural world."},
	{"sports", "Sports", "Results, transfers and the stories behind the scores."},
	{"culture", "Culture", "Film, music, books and the arts."},
}

var demoAuthors = []DemoAuthor{
	{"maria-okafor", "Maria Okafor", "Maria Okafor covers diplomacy and world affairs."},
	{"daniel-reyes", "Daniel Reyes", "Daniel Reyes writes about politics and the economy."},
	{"hannah-lindqvist", "Hannah Lindqvist", "Hannah Lindqvist is the science and climate correspondent."},
	{"samuel-chen", "Samuel Chen", "Samuel Chen reports on technology and business."},
	{"priya-nair", "Priya Nair", "Priya Nair covers sport and culture."},
}
