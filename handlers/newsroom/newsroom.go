package newsroom

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// BodyLimit bounds what a newsroom form may send; an article body is
// limited to maxBodyLen well inside it.
const BodyLimit = 2 << 20

// editor is who is making a change, for revisions.
func editor(c echo.Context, note string) models.Editor {
	return models.Editor{ID: currentUser(c).ID, Note: note}
}

// HiddenField is a name and value a confirmation form posts again.
type HiddenField struct{ Name, Value string }

// AdminConfirmPage asks before something is deleted or moved to the trash.
type AdminConfirmPage struct {
	Layout
	Heading string
	Message string
	Items   []string // what will be affected
	Action  string   // where the confirming form posts
	Hidden  []HiddenField
	Button  string
	Cancel  string // where "Cancel" goes
}

// confirm renders a confirmation page.
func (h *Handler) confirm(c echo.Context, nav string, p AdminConfirmPage) error {
	l, err := h.layout(c, p.Heading, nav)
	if err != nil {
		return err
	}
	p.Layout = l
	return h.render(c, http.StatusOK, p)
}

func (AdminConfirmPage) Template() string { return "admin_confirm" }
