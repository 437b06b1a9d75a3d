package reader

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// A commenter whose comment is held for moderation is sent to a private
// page that shows the article's comments with theirs among them, marked
// "awaiting moderation". Its address carries the comment's id and a
// signature with an expiry, so no one else can guess it and it needs no
// cookie, while the article page itself stays the same for everyone.
const ConfirmLinkLife = 24 * time.Hour

// LinkKey derives a key for signing links, for one purpose, from the
// first session key; with none (tests, a first start), a random one for
// this process.
func LinkKey(keys [][]byte, purpose string) []byte {
	secret := make([]byte, 32)
	if len(keys) > 0 {
		secret = keys[0]
	} else {
		rand.Read(secret)
	}
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(purpose))
	return m.Sum(nil)
}

// confirmToken signs comment id until the moment until.
func (h *Handler) confirmToken(id int64, until time.Time) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(until.Unix()))
	return base64.RawURLEncoding.EncodeToString(append(b[:], h.confirmMAC(id, b[:])...))
}

func (h *Handler) confirmMAC(id int64, until []byte) []byte {
	m := hmac.New(sha256.New, h.LinkKey)
	m.Write([]byte("comment " + strconv.FormatInt(id, 10) + " "))
	m.Write(until)
	return m.Sum(nil)[:16]
}

// validConfirmToken reports whether token signs id and has not expired.
func (h *Handler) validConfirmToken(id int64, token string) bool {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(raw) != 24 || !hmac.Equal(raw[8:], h.confirmMAC(id, raw[:8])) {
		return false
	}
	return h.Now().Unix() < int64(binary.BigEndian.Uint64(raw[:8]))
}

// confirmURL is the private address that shows comment c on article a.
func (h *Handler) confirmURL(a models.Article, c models.Comment) string {
	return a.URL() + "/comments/" + strconv.FormatInt(c.ID, 10) + "/" + h.confirmToken(c.ID, h.Now().Add(ConfirmLinkLife)) + "#comment-" + strconv.FormatInt(c.ID, 10)
}

// CommentConfirm shows the article with the commenter's own comment
// marked as awaiting moderation, at the address confirmURL made. It is
// never cached; a link that is wrong or old shows the article instead.
func (h *Handler) CommentConfirm(c echo.Context) error {
	a, err := h.commentArticle(c)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || !h.validConfirmToken(id, c.Param("token")) {
		return c.Redirect(http.StatusSeeOther, a.URL()+"#comments")
	}
	own, err := h.Comments.QueuedByID(c.Request().Context(), id)
	if err != nil || own.ArticleID != a.ID || own.Status != models.CommentPending {
		// Approved since (it is on the article page now), refused, or gone.
		return c.Redirect(http.StatusSeeOther, a.URL()+"#comments")
	}
	p, err := h.articlePage(c, a)
	if err != nil {
		return err
	}
	own.CreatedAt = own.CreatedAt.In(p.zone())
	p.Comments = append(p.Comments, own.Comment)
	p.Own = own.ID
	if err := h.arrangeThread(&p); err != nil {
		return err
	}
	p.CommentNotice = commentNotice("pending")
	p.Meta.Robots = "noindex"
	kit.MarkPrivate(c)
	return h.render(c, http.StatusOK, p)
}
