// Package handlers turns HTTP requests into calls on the models and renders
// the answers with the views. routes.go builds the whole Echo server.
package handlers

import (
	"log/slog"
	"time"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/static"
	"github.com/newsroom/news/views"
)

// Deps is everything the handlers need, built once in main.
type Deps struct {
	Articles   *models.ArticleStore
	Categories *models.CategoryStore
	Tags       *models.TagStore
	Users      *models.UserStore
	Comments   *models.CommentStore
	Settings   *models.SettingsStore
	Views      *views.Renderer
	Assets     *static.Assets
	Logger     *slog.Logger
	// Now is the clock; time.Now outside tests.
	Now func() time.Time
}

// Handler serves the site's pages.
type Handler struct {
	Deps
}

// New returns a Handler over deps.
func New(deps Deps) *Handler {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	return &Handler{Deps: deps}
}
