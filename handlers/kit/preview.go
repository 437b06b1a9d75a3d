package kit

import "github.com/newsroom/news/models"

// Preview is an article as the editor's form would publish it, for the
// reader's article page marked as a preview.
type Preview struct {
	Article models.Article
	Tags    []models.Tag
	EditURL string // back to the editor
	State   string // what the stored article is now: draft, scheduled ...
}
