package reader

import (
	"html/template"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/views"
)

// Story is the article as the "story" partial shows it, from the
// breadcrumb to the tags, with its values ready: the template calls no
// method and walks no embedded struct. Dates are in the site's time zone.
type Story struct {
	Title, Summary          string
	SectionURL, SectionName string
	IsLive                  bool         // covered live now: a LIVE label
	Authors                 []CardAuthor // every byline, each with its page
	// Profiles are the bylines with photos and job titles, set when any
	// byline has one; Authors is the plain byline otherwise.
	Profiles                []StoryProfile
	PublishedISO, Published string // "January 2, 2006 at 3:04 PM MST" (views.When)
	ReadingMinutes          int
	UpdatedISO, Updated     string // empty when never updated after publishing
	// Comments is the jump link's text: "3 comments", or "Comments".
	Comments    string
	Lead        *StoryLead
	BodyHTML    template.HTML
	Source      string
	Corrections []StoryCorrection
	Tags        []StoryTag
}

// StoryProfile is one byline with its photo (160 pixels wide, empty for
// none) and job title.
type StoryProfile struct{ Name, URL, Photo, JobTitle string }

// StoryTag is one of the article's tags, linked to its page.
type StoryTag struct{ Name, URL string }

// StoryLead is the article's lead picture.
type StoryLead struct {
	Src, Srcset, Alt, Caption, Credit string
	Width, Height                     int
}

// StoryCorrection is one correction note under the article.
type StoryCorrection struct{ DateISO, Date, Note string }

// storyOf makes the story of a (already in the site's time zone) with its
// tags and corrections.
func storyOf(a models.Article, tags []models.Tag, corrections []models.Correction) Story {
	s := Story{
		Title: a.Title, Summary: a.Summary, SectionURL: a.Category.URL(), SectionName: a.Category.Name,
		IsLive:       a.IsLive(),
		PublishedISO: isoTime(a.PublishedAt), Published: views.When(a.PublishedAt),
		ReadingMinutes: a.ReadingMinutes(), BodyHTML: a.BodyHTML, Source: a.Source, Comments: "Comments",
	}
	profiles := a.BylineProfiles()
	for _, u := range a.Bylines() {
		if profiles {
			s.Profiles = append(s.Profiles, StoryProfile{Name: u.Name, URL: u.URL(), Photo: u.PhotoURL(160), JobTitle: u.JobTitle})
		} else {
			s.Authors = append(s.Authors, CardAuthor{Name: u.Name, URL: u.URL()})
		}
	}
	if a.CommentCount > 0 {
		s.Comments = views.Plural(a.CommentCount, "comment", "comments")
	}
	if a.WasUpdated() {
		s.UpdatedISO, s.Updated = isoTime(a.UpdatedAt), views.When(a.UpdatedAt)
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
