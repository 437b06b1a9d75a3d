package newsroom

import (
	"context"
	"slices"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// stake says whose an article, a picture or a comment is: its owners, any
// one of whom may change it, and the people whose work uses it.
type stake struct {
	owners []int64
	users  []int64
}

// mayChange is the one ownership check: may u change the object with
// stake s? Those allowed OthersWork (editors, admins) may change anything;
// anyone else only what they own and no one else's work uses. Every
// newsroom route that changes an article, a picture or a comment asks it.
func mayChange(u models.User, s stake) bool {
	if May(u, OthersWork) {
		return true
	}
	if u.ID == 0 || !slices.Contains(s.owners, u.ID) {
		return false
	}
	for _, id := range s.users {
		if id != u.ID {
			return false
		}
	}
	return true
}

// authorsOf is who writes a: its author and every co-author, each of
// whom may change it as their own.
func authorsOf(a models.Article) []int64 {
	out := []int64{a.Author.ID}
	for _, u := range a.Authors {
		if !slices.Contains(out, u.ID) {
			out = append(out, u.ID)
		}
	}
	return out
}

// articleStake: an article is its authors'.
func articleStake(a models.Article) stake { return stake{owners: authorsOf(a)} }

// commentStake: a comment is its commenter's, who is no newsroom user,
// so only those allowed OthersWork may change it.
func commentStake() stake { return stake{} }

// pictureStake: a picture is its uploader's, and used by the authors of
// every article that shows it.
func (h *Handler) pictureStake(ctx context.Context, m models.Media) (stake, error) {
	s := stake{owners: []int64{m.UploaderID}}
	uses, err := h.Media.Usage(ctx, m.ID)
	if err != nil || len(uses) == 0 {
		return s, err
	}
	ids := make([]int64, len(uses))
	for i, u := range uses {
		ids[i] = u.ArticleID
	}
	list, err := h.Articles.ByIDs(ctx, ids)
	if err != nil {
		return s, err
	}
	for _, a := range list {
		s.users = append(s.users, authorsOf(a)...)
	}
	return s, nil
}

// mayChangeArticle answers 403 unless the signed-in user may change a.
func mayChangeArticle(c echo.Context, a models.Article) error {
	if !mayChange(currentUser(c), articleStake(a)) {
		return forbidden("Authors can change only their own articles.")
	}
	return nil
}

// mayChangeArticleID loads article id (404 when there is none) and asks
// mayChangeArticle.
func (h *Handler) mayChangeArticleID(c echo.Context, id int64) error {
	a, err := h.Articles.ByID(c.Request().Context(), id)
	if err != nil {
		return kit.NotFoundIf(err)
	}
	return mayChangeArticle(c, a)
}

// mayChangePicture answers 403 unless the signed-in user may change m.
func (h *Handler) mayChangePicture(c echo.Context, m models.Media) error {
	s, err := h.pictureStake(c.Request().Context(), m)
	if err != nil {
		return err
	}
	if !mayChange(currentUser(c), s) {
		return forbidden("Authors can change only pictures they uploaded that no other author's article uses.")
	}
	return nil
}

// mayChangeComments answers 403 unless the signed-in user may change
// readers' comments.
func mayChangeComments(c echo.Context) error {
	if !mayChange(currentUser(c), commentStake()) {
		return forbidden("Only editors can moderate comments.")
	}
	return nil
}

// entryStake: a live entry is its writer's while they are among the
// article's authors; nobody else's work uses it.
func entryStake(e models.LiveEntry, a models.Article) stake {
	if e.AuthorID != 0 && slices.Contains(authorsOf(a), e.AuthorID) {
		return stake{owners: []int64{e.AuthorID}}
	}
	return stake{}
}
