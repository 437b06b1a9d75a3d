package newsroom

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsroom/news/models"
)

// AdminMediaPage is the media library: a grid of images and the upload form.
type AdminMediaPage struct {
	Layout
	Query   string
	Items   []MediaItem
	Pager   models.Pager
	BaseURL string // the list's address with its search, without page=
	Results []UploadResult
	// SearchPath is where the search form goes; ArticleField, when set, is
	// the article the picker chooses for.
	SearchPath   string
	ArticleField string
}

func (AdminMediaPage) Template() string { return "admin_media" }

// PageLink is the address of page n of the same list.
func (p AdminMediaPage) PageLink(n int) string {
	sep := "?"
	if strings.Contains(p.BaseURL, "?") {
		sep = "&"
	}
	return p.BaseURL + sep + "page=" + strconv.Itoa(n)
}

// MediaItem is one image of the library with the articles using it.
type MediaItem struct {
	models.Media
	Uses []models.MediaUse
}

// UploadResult says what became of one uploaded file.
type UploadResult struct {
	Filename string
	Media    *models.Media // set when stored
	Error    string        // why it was refused
}

// AdminMediaEditPage is one image: details form, usage, delete.
type AdminMediaEditPage struct {
	Layout
	Media         models.Media
	Uses          []models.MediaUse
	Form          MediaForm
	ConfirmDelete bool // a delete was asked for while articles use the image
	// Public: anyone may fetch it at /media/...; MayMarkPublic: the user
	// may make it so before anything published uses it.
	Public, MayMarkPublic bool
}

func (AdminMediaEditPage) Template() string { return "admin_media_edit" }

// AdminMediaPickPage chooses an image for an article.
type AdminMediaPickPage struct {
	AdminMediaPage
	ArticleID    int64
	ArticleTitle string
	Back         string        // the editor of the article
	Current      *models.Media // the article's lead image now, if any
	// Upload is the picker's upload form as filled in, UploadError why
	// the picture was not stored.
	Upload      PictureForm
	UploadError string
}

func (AdminMediaPickPage) Template() string { return "admin_media_pick" }

// MediaForm is an image's describing text as typed.
type MediaForm struct {
	Alt     string `form:"alt"`
	Caption string `form:"caption"`
	Credit  string `form:"credit"`

	FieldErrors map[string]string
}

// validate returns a message by each field that is too long.
func (f MediaForm) validate() map[string]string {
	errs := map[string]string{}
	check := func(field, v string, max int) {
		if !utf8.ValidString(v) || utf8.RuneCountInString(strings.TrimSpace(v)) > max {
			errs[field] = "Keep this under " + strconv.Itoa(max) + " characters."
		}
	}
	check("alt", f.Alt, models.MaxAltLen)
	check("caption", f.Caption, models.MaxCaptionLen)
	check("credit", f.Credit, models.MaxCreditLen)
	return errs
}

// setBodyError puts a message by the article text, keeping any earlier one.
func (f *ArticleForm) setBodyError(msg string) {
	if f.FieldErrors == nil {
		f.FieldErrors = map[string]string{}
	}
	if f.FieldErrors["body"] == "" {
		f.FieldErrors["body"] = msg
	}
}
