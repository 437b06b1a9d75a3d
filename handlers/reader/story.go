package reader

import (
	"html/template"

	"github.com/newsroom/news/models"
)

// Story is the article as the "story" partial shows it, from the
// breadcrumb to the tags, with its values ready: the template calls no
// method and walks no embedded struct. Dates are in the site's time zone.
type Story struct {
	Title, Summary          string
	SectionURL, SectionName string
	Authors                 []CardAuthor // every byline, each with its page
	PublishedISO, Published string       // "January 2, 2006 at 3:04 PM"
	ReadingMinutes          int
	UpdatedISO, Updated     string // empty when never updated after publishing
	Lead                    *StoryLead
	BodyHTML                template.HTML
	Source                  string
	Corrections             []StoryCorrection
	Tags                    []StoryTag
}

// StoryTag is one of the article's tags, linked to its page.
type StoryTag struct{ Name, URL string }

// StoryLead is the article's lead picture.
type StoryLead struct {
	Src, Srcset, Alt, Caption, Credit string
	Width, Height                     int
}

// StoryCorrection is one correction note under the article.
type StoryCorrection struct{ DateISO, Date, Note string }

const storyDate = "January 2, 2006 at 3:04 PM"

// storyOf makes the story of a (already in the site's time zone) with its
// tags and corrections.
func storyOf(a models.Article, tags []models.Tag, corrections []models.Correction) Story {
	s := Story{
		Title: a.Title, Summary: a.Summary, SectionURL: a.Category.URL(), SectionName: a.Category.Name,
		PublishedISO: isoTime(a.PublishedAt), Published: a.PublishedAt.Format(storyDate),
		ReadingMinutes: a.ReadingMinutes(), BodyHTML: a.BodyHTML, Source: a.Source,
	}
	for _, u := range a.Bylines() {
		s.Authors = append(s.Authors, CardAuthor{Name: u.Name, URL: u.URL()})
	}
	if a.WasUpdated() {
		s.UpdatedISO, s.Updated = isoTime(a.UpdatedAt), a.UpdatedAt.Format(storyDate)
	}
	if m := a.Lead; m != nil {
		s.Lead = &StoryLead{Src: m.URL(960), Srcset: m.Srcset(), Alt: m.Alt, Caption: m.Caption, Credit: m.Credit,
			Width: m.Width, Height: m.Height}
	}
	for _, c := range corrections {
		s.Corrections = append(s.Corrections, StoryCorrection{
			DateISO: isoTime(c.CreatedAt), Date: c.CreatedAt.Format("January 2, 2006"), Note: c.Note})
	}
	for _, t := range tags {
		s.Tags = append(s.Tags, StoryTag{Name: t.Name, URL: t.URL()})
	}
	return s
}
