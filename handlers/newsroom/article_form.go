package newsroom

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsroom/news/models"
)

// Limits on the article form's fields.
const (
	maxTitleLen   = 200
	maxSummaryLen = 600
	maxBodyLen    = 200_000
	maxSourceLen  = 200
	maxTags       = 20
	maxTagLen     = 60
)

// publishAtLayout is the format of an <input type="datetime-local">.
const publishAtLayout = "2006-01-02T15:04"

// ArticleForm is the article editor as typed.
type ArticleForm struct {
	Title        string   `form:"title"`
	Slug         string   `form:"slug"`
	Summary      string   `form:"summary"`
	Body         string   `form:"body"`
	CategoryID   string   `form:"category_id"`
	Tags         string   `form:"tags"`
	AuthorID     string   `form:"author_id"`
	CoAuthors    []string `form:"coauthors"` // further bylines in order; empty ones are ignored
	Source       string   `form:"source"`
	Featured     string   `form:"featured"`
	CommentsOpen string   `form:"comments_open"`
	Status       string   `form:"status"` // draft, review, scheduled, published
	PublishAt    string   `form:"publish_at"`
	Version      string   `form:"version"`
	// Action is the button pressed: preview, draft, review, publish (which
	// schedules when the publish time is in the future), update (keeps the
	// stored state), unpublish; "save" uses Status as posted.
	Action string `form:"action"`

	FieldErrors map[string]string
}

// NewArticleForm fills the editor from a stored article, times in loc.
func NewArticleForm(a models.Article, tags []models.Tag, now time.Time, loc *time.Location) ArticleForm {
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = t.Name
	}
	f := ArticleForm{
		Title: a.Title, Slug: a.Slug, Summary: a.Summary, Body: a.BodyMD, Source: a.Source,
		CategoryID: strconv.FormatInt(a.Category.ID, 10), AuthorID: strconv.FormatInt(a.Author.ID, 10),
		CoAuthors: idStrings(a.CoAuthorIDs()),
		Tags:      strings.Join(names, ", "), Status: a.State(now), Version: strconv.Itoa(a.Version),
		Featured: checkbox(a.Featured), CommentsOpen: checkbox(a.CommentsOpen),
	}
	if f.Status == models.StatusTrash {
		f.Status = models.StatusDraft
	}
	if !a.PublishedAt.IsZero() {
		f.PublishAt = a.PublishedAt.In(loc).Format(publishAtLayout)
	}
	return f
}

func checkbox(b bool) string {
	if b {
		return "on"
	}
	return ""
}

// Checked reports whether a checkbox value means ticked.
func Checked(v string) bool { return v != "" && v != "0" && v != "off" }

// articleRules is what checking the form needs to know.
type articleRules struct {
	sections []models.Category
	authors  []models.User
	user     models.User
	keep     int64   // the stored author, who may stay even if disabled since
	keepCo   []int64 // the stored co-authors, likewise
	now      time.Time
	loc      *time.Location
}

// validate checks the form, filling FieldErrors, and returns what to save.
func (f *ArticleForm) validate(r articleRules) models.ArticleInput {
	f.FieldErrors = map[string]string{}
	f.Title = strings.TrimSpace(f.Title)
	f.Slug = strings.TrimSpace(f.Slug)
	f.Source = strings.TrimSpace(f.Source)
	f.Summary = strings.TrimSpace(f.Summary)
	in := models.ArticleInput{Title: f.Title, Summary: f.Summary, BodyMD: f.Body, Source: f.Source,
		Featured: Checked(f.Featured), CommentsOpen: Checked(f.CommentsOpen), Tags: models.SplitTags(f.Tags)}
	switch n := utf8.RuneCountInString(f.Title); {
	case n == 0:
		f.FieldErrors["title"] = "Please enter a title."
	case n > maxTitleLen:
		f.FieldErrors["title"] = "The title is too long: " + strconv.Itoa(maxTitleLen) + " characters at most."
	}
	if f.Slug != "" {
		in.Slug = models.Slugify(f.Slug)
		if in.Slug != f.Slug && !models.ValidSlug(f.Slug) {
			f.Slug = in.Slug // shown as it will be saved
		}
	}
	if utf8.RuneCountInString(f.Summary) > maxSummaryLen {
		f.FieldErrors["summary"] = "The summary is too long: " + strconv.Itoa(maxSummaryLen) + " characters at most."
	}
	if len(f.Body) > maxBodyLen {
		f.FieldErrors["body"] = "The text is too long for one article."
	}
	if utf8.RuneCountInString(f.Source) > maxSourceLen {
		f.FieldErrors["source"] = "The source line is too long."
	}
	if len(in.Tags) > maxTags {
		f.FieldErrors["tags"] = "Use at most " + strconv.Itoa(maxTags) + " tags."
	}
	for _, t := range in.Tags {
		if utf8.RuneCountInString(t) > maxTagLen {
			f.FieldErrors["tags"] = "Each tag can be " + strconv.Itoa(maxTagLen) + " characters at most."
		}
	}
	in.CategoryID = f.section(r.sections)
	in.AuthorID = f.author(r)
	in.CoAuthorIDs = f.coAuthors(r, in.AuthorID)
	f.status(r, &in)
	return in
}

func (f *ArticleForm) section(sections []models.Category) int64 {
	id, _ := strconv.ParseInt(f.CategoryID, 10, 64)
	for _, s := range sections {
		if s.ID == id {
			return id
		}
	}
	f.FieldErrors["category_id"] = "Please choose a section."
	return 0
}

func (f *ArticleForm) author(r articleRules) int64 {
	if !May(r.user, OthersWork) {
		if r.keep != 0 {
			return r.keep // an author cannot change the bylines of an article they co-write
		}
		return r.user.ID // authors write under their own name
	}
	id, _ := strconv.ParseInt(f.AuthorID, 10, 64)
	if id != 0 && id == r.keep {
		return id
	}
	for _, u := range r.authors {
		if u.ID == id {
			return id
		}
	}
	f.FieldErrors["author_id"] = "Please choose who wrote it."
	return 0
}

// coAuthors reads the further bylines, in order, dropping blanks, repeats
// and the lead author. Authors keep the stored ones.
func (f *ArticleForm) coAuthors(r articleRules, lead int64) []int64 {
	if !May(r.user, OthersWork) {
		return r.keepCo
	}
	var out []int64
	seen := map[int64]bool{lead: true}
	for _, v := range f.CoAuthors {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		id, _ := strconv.ParseInt(v, 10, 64)
		ok := slices.Contains(r.keepCo, id) || slices.ContainsFunc(r.authors, func(u models.User) bool { return u.ID == id })
		if !ok {
			f.FieldErrors["coauthors"] = "Please choose co-authors from the list."
			continue
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if len(out) >= models.MaxAuthors {
		f.FieldErrors["coauthors"] = "An article can have " + strconv.Itoa(models.MaxAuthors) + " bylines at most."
	}
	return out
}

// idStrings writes ids as form values.
func idStrings(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strconv.FormatInt(id, 10)
	}
	return out
}

// status reads the status and publish time. Scheduled is stored as
// published with a time in the future.
func (f *ArticleForm) status(r articleRules, in *models.ArticleInput) {
	var at time.Time
	if v := strings.TrimSpace(f.PublishAt); v != "" {
		t, err := time.ParseInLocation(publishAtLayout, v, r.loc)
		if err != nil {
			t, err = time.ParseInLocation(publishAtLayout+":05", v, r.loc)
		}
		if err != nil {
			f.FieldErrors["publish_at"] = "Enter the date and time as YYYY-MM-DDTHH:MM."
		}
		at = t.UTC()
	}
	in.PublishedAt = at
	switch f.Status {
	case models.StatusDraft, models.StatusReview:
		in.Status = f.Status
	case models.StatusPublished:
		in.Status = models.StatusPublished
	case models.StatusScheduled:
		in.Status = models.StatusPublished
		if at.IsZero() && f.FieldErrors["publish_at"] == "" {
			f.FieldErrors["publish_at"] = "Choose when the article should appear."
		} else if !at.IsZero() && !at.After(r.now) {
			f.FieldErrors["publish_at"] = "That time has passed: choose a time in the future, or publish now."
		}
	default:
		f.FieldErrors["status"] = "Please choose a status."
		in.Status = models.StatusDraft
	}
}

// applyAction turns the button pressed into the status to save, given the
// article's stored state ("" for a new one).
func (f *ArticleForm) applyAction(stored string, now time.Time, loc *time.Location) {
	future := f.futureTime(now, loc)
	switch f.Action {
	case "draft", "unpublish":
		f.Status = models.StatusDraft
	case "review":
		f.Status = models.StatusReview
	case "publish":
		f.Status = models.StatusPublished
		if future {
			f.Status = models.StatusScheduled
		}
	case "update":
		f.Status = stored
		if stored == models.StatusPublished || stored == models.StatusScheduled {
			f.Status = models.StatusPublished
			if future {
				f.Status = models.StatusScheduled
			}
		}
		if f.Status == "" || f.Status == models.StatusTrash {
			f.Status = models.StatusDraft
		}
	}
}

// futureTime reports whether the publish time typed is after now.
func (f *ArticleForm) futureTime(now time.Time, loc *time.Location) bool {
	t, err := time.ParseInLocation(publishAtLayout, strings.TrimSpace(f.PublishAt), loc)
	return err == nil && t.After(now)
}

// publishes reports whether the form asks for the article to go out now or later.
func (f *ArticleForm) publishes() bool {
	return f.Status == models.StatusPublished || f.Status == models.StatusScheduled
}
