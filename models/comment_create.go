package models

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsroom/news/db"
)

// CommentInput is a new comment as a reader sent it.
type CommentInput struct {
	ArticleID int64
	ParentID  int64 // 0 for a top-level comment
	Name      string
	Email     string // optional, never shown
	Body      string // the text as typed
	IP        string // the client's address; only a salted hash is stored
	Now       time.Time
}

// CommentInvalidError is a comment refused for what it says, with a message
// for each field at fault, keyed by the form's field names.
type CommentInvalidError struct {
	Fields map[string]string
}

// Error says how many fields are at fault; Fields says what is wrong.
func (e *CommentInvalidError) Error() string {
	return fmt.Sprintf("models: comment is not valid (%d fields)", len(e.Fields))
}

// Validate checks the fields a reader typed and returns a message for each
// one at fault, or nil when all are fine.
func (in CommentInput) Validate() map[string]string {
	errs := map[string]string{}
	if m := checkText(in.Body, MaxCommentLen, "Please enter your comment!", "your comment"); m != "" {
		errs["comment"] = m
	}
	if m := checkText(in.Name, MaxCommentNameLen, "Please enter your name here", "your name"); m != "" {
		errs["name"] = m
	}
	if m := checkEmail(in.Email); m != "" {
		errs["email"] = m
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

func checkText(s string, max int, missing, what string) string {
	switch {
	case s == "":
		return missing
	case !utf8.ValidString(s):
		return "Some characters in " + what + " could not be read. Please check it and send it again."
	case strings.TrimFunc(cleanText(s), unicode.IsSpace) == "":
		return "There is only blank space in " + what + ". " + missing
	case strings.TrimFunc(cleanText(s), invisible) == "":
		return "There are only invisible characters in " + what + ". " + missing
	}
	if n := utf8.RuneCountInString(strings.ReplaceAll(s, "\r\n", "\n")); n > max {
		return fmt.Sprintf("Please shorten %s to at most %d characters (it has %d).", what, max, n)
	}
	return ""
}

func checkEmail(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return ""
	case !utf8.ValidString(s):
		return "Some characters in your email address could not be read. Please check it, or leave it empty."
	case len(s) > MaxCommentEmailLen:
		return fmt.Sprintf("An email address has at most %d characters. Please check it, or leave it empty.", MaxCommentEmailLen)
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return "Please enter an email address such as name@example.com, or leave it empty."
	}
	return ""
}

// Create stores a new comment under the rules in st and returns it with
// the status it got: approved, or pending when it is held for moderation.
// It refuses with ErrNotFound when the article is not live,
// ErrCommentsClosed, ErrBadParent, ErrDuplicate for the same text posted
// to the same article within DuplicateWindow, or *CommentInvalidError.
// Checks and insert share one transaction on the single writer, so two
// posts cannot both pass the duplicate check.
func (s *CommentStore) Create(ctx context.Context, in CommentInput, st Settings) (Comment, error) {
	if errs := in.Validate(); errs != nil {
		return Comment{}, &CommentInvalidError{Fields: errs}
	}
	body, links := SanitizeComment(in.Body)
	if PlainText(body) == "" && !strings.Contains(string(body), "<a ") {
		return Comment{}, &CommentInvalidError{Fields: map[string]string{
			"comment": "Nothing is left of your comment once markup that isn't allowed is removed. Please write it as plain text."}}
	}
	c := Comment{
		ArticleID: in.ArticleID, ParentID: in.ParentID, Name: CleanName(in.Name),
		Email: strings.ToLower(strings.TrimSpace(in.Email)), BodyHTML: body, CreatedAt: in.Now.UTC(),
	}
	bodyHash := commentBodyHash(body)
	held := links > MaxCommentLinks || heldWord(st.HeldWords, c.Name+"\n"+PlainText(body))
	err := s.db.WithTx(ctx, func(tx *db.Tx) error {
		if err := checkArticleOpen(ctx, tx, in.ArticleID, st.AutoCloseDays, in.Now); err != nil {
			return err
		}
		if err := checkParent(ctx, tx, &c); err != nil {
			return err
		}
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM comments WHERE article_id = ? AND body_hash = ? AND created_at >= ? LIMIT 1`,
			c.ArticleID, bodyHash, in.Now.Add(-DuplicateWindow).Unix()).Scan(&one)
		if err == nil {
			return ErrDuplicate
		} else if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("models: duplicate check: %w", err)
		}
		if c.Status, err = moderate(ctx, tx, st.ModerationMode, held, c); err != nil {
			return err
		}
		salt, err := s.ipSalt(ctx, tx)
		if err != nil {
			return err
		}
		var parent any
		if c.ParentID != 0 {
			parent = c.ParentID
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO comments (article_id, parent_id, name, email, body_html, body_hash, status, ip_hash, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ArticleID, parent, c.Name, c.Email, string(body), bodyHash, c.Status,
			hashIP(salt, in.IP), c.CreatedAt.Unix())
		if err != nil {
			return fmt.Errorf("models: insert comment: %w", err)
		}
		if c.Status == CommentApproved {
			changed(tx, ArticleCommentsTag(c.ArticleID))
		}
		c.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return Comment{}, err
	}
	return c, nil
}

func checkArticleOpen(ctx context.Context, tx *db.Tx, id int64, autoCloseDays int, now time.Time) error {
	var status string
	var published sql.NullInt64
	var open bool
	err := scanOne(tx.QueryRowContext(ctx, `SELECT status, published_at, comments_open FROM articles WHERE id = ?`, id),
		&status, &published, &open)
	if err != nil {
		return err
	}
	if status != StatusPublished || !published.Valid || published.Int64 > now.Unix() {
		return ErrNotFound
	}
	if !commentsAllowed(open, time.Unix(published.Int64, 0), autoCloseDays, now) {
		return ErrCommentsClosed
	}
	return nil
}

// checkParent makes sure a reply answers an approved comment of the same
// article, and moves a reply past MaxCommentDepth up beside its parent.
func checkParent(ctx context.Context, tx *db.Tx, c *Comment) error {
	if c.ParentID == 0 {
		return nil
	}
	var chain []int64 // the parent, its parent, ... up to the top
	for id := c.ParentID; id != 0 && len(chain) <= MaxCommentDepth+10; {
		var article, up int64
		var status string
		err := scanOne(tx.QueryRowContext(ctx, `SELECT article_id, status, COALESCE(parent_id, 0) FROM comments WHERE id = ?`, id),
			&article, &status, &up)
		if errors.Is(err, ErrNotFound) && len(chain) > 0 {
			break
		}
		if errors.Is(err, ErrNotFound) {
			return ErrBadParent
		}
		if err != nil {
			return fmt.Errorf("models: reply parent: %w", err)
		}
		if len(chain) == 0 && (article != c.ArticleID || status != CommentApproved) {
			return ErrBadParent
		}
		chain = append(chain, id)
		id = up
	}
	if depth := len(chain); depth >= MaxCommentDepth {
		c.ParentID = chain[depth-MaxCommentDepth+1]
	}
	return nil
}

// moderate decides the status of a new comment under mode.
func moderate(ctx context.Context, tx *db.Tx, mode string, held bool, c Comment) (string, error) {
	if held {
		return CommentPending, nil
	}
	switch mode {
	case ModerateNone:
		return CommentApproved, nil
	case ModerateUnknown:
		if c.Email == "" {
			return CommentPending, nil
		}
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM comments WHERE email = ? AND name = ? AND status = 'approved' LIMIT 1`,
			c.Email, c.Name).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return CommentPending, nil
		}
		if err != nil {
			return "", fmt.Errorf("models: known commenter: %w", err)
		}
		return CommentApproved, nil
	}
	return CommentPending, nil // ModerateAll, and any mode not known
}

// heldWord reports whether text holds one of the words or phrases in list
// (one a line) as a whole word, ignoring case.
func heldWord(list, text string) bool {
	if strings.TrimSpace(list) == "" {
		return false
	}
	text = strings.Join(strings.Fields(strings.ToLower(text)), " ")
	for _, w := range strings.Split(list, "\n") {
		w = strings.Join(strings.Fields(strings.ToLower(w)), " ")
		if w == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(w)
			if !wordRune(text[:start], true) && !wordRune(text[end:], false) {
				return true
			}
			from = start + 1
		}
	}
	return false
}

// wordRune reports whether the rune next to a match (the last of before, or
// the first of after) is a letter or digit, which makes it part of a word.
func wordRune(s string, last bool) bool {
	var r rune
	if last {
		r, _ = utf8.DecodeLastRuneInString(s)
	} else {
		r, _ = utf8.DecodeRuneInString(s)
	}
	return s != "" && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// hashIP is the salted hash stored in place of a client's address: equal
// for the same address on one site, useless for finding the address.
func hashIP(salt, ip string) string {
	if ip == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(salt + "|" + ip))
	return hex.EncodeToString(sum[:16])
}

// ipSalt returns the salt client addresses are hashed with, made by the
// migration that added it and read once.
func (s *CommentStore) ipSalt(ctx context.Context, tx *db.Tx) (string, error) {
	if p := s.salt.Load(); p != nil {
		return *p, nil
	}
	var salt string
	err := scanOne(tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'comment_ip_salt'`), &salt)
	if err != nil {
		return "", fmt.Errorf("models: comment salt: %w", err)
	}
	s.salt.Store(&salt)
	return salt, nil
}

// commentBodyHash identifies a comment's sanitized text for the duplicate
// check, so that check reads an index instead of comment bodies.
func commentBodyHash(body template.HTML) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:16])
}
