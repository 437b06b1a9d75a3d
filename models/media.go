package models

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models/imaging"
)

// Limits on an image's describing text.
const (
	MaxAltLen     = 300
	MaxCaptionLen = 1000
	MaxCreditLen  = 200
	// MediaPageSize is how many images a page of the library shows.
	MediaPageSize = 24
)

var (
	// ErrAltRequired means an image without alt text was about to be used in
	// an article: readers who cannot see it would get nothing.
	ErrAltRequired = errors.New("models: the image needs alt text before it can be used in an article")
	// ErrMediaInUse means deleting an image that articles still show.
	ErrMediaInUse = errors.New("models: the image is used by articles")
	// ErrMediaText means alt, caption or credit is too long or not text.
	ErrMediaText = errors.New("models: alt text, caption or credit is too long")
)

// Media is one image in the library, without its bytes.
type Media struct {
	ID           int64
	Type         string // image/jpeg, image/png, image/gif, image/webp
	Format       string // jpeg or png: what resized copies are served as
	Width        int    // as displayed
	Height       int
	Orientation  int   // EXIF orientation (1-8) the resizer applies
	Size         int64 // bytes of the original
	SHA256       string
	Filename     string
	Alt          string
	Caption      string
	Credit       string
	UploaderID   int64
	UploaderName string
	CreatedAt    time.Time
	// MetadataRemoved says what was taken out of the original when it was
	// stored (such as EXIF data with a GPS position); empty for nothing.
	MetadataRemoved string
	// InNewsroom makes URL and Srcset give the newsroom's addresses, as a
	// preview shows pictures not public yet.
	InNewsroom bool
}

// Ext is the file extension of the image's served copies.
func (m Media) Ext() string {
	if m.Format == "png" {
		return "png"
	}
	return "jpg"
}

// URL is the address of the copy closest to width (never wider than the
// original).
func (m Media) URL(width int) string {
	u := "/media/" + strconv.FormatInt(m.ID, 10) + "/" + strconv.Itoa(m.servedWidth(width)) + "." + m.Ext()
	if m.InNewsroom {
		return "/admin" + u
	}
	return u
}

// AdminURL is the newsroom's address of the same copy, which works before
// the picture is public (signed in, never cached).
func (m Media) AdminURL(width int) string {
	m.InNewsroom = true
	return m.URL(width)
}

// servedWidth picks the smallest standard width at least w wide, or the
// largest standard width.
func (m Media) servedWidth(w int) int {
	for _, sw := range imaging.ImageWidths {
		if sw >= w {
			return sw
		}
	}
	return imaging.ImageWidths[len(imaging.ImageWidths)-1]
}

// MediaInput is an upload: the file's bytes and what describes it.
type MediaInput struct {
	Filename   string
	Data       []byte
	Alt        string
	Caption    string
	Credit     string
	UploaderID int64 // 0: nobody (demo content)
}

// MediaMeta is the describing text an editor can change.
type MediaMeta struct {
	Alt     string
	Caption string
	Credit  string
}

// Clean trims the fields and checks their lengths.
func (m MediaMeta) Clean() (MediaMeta, error) {
	m.Alt = strings.TrimSpace(m.Alt)
	m.Caption = strings.TrimSpace(m.Caption)
	m.Credit = strings.TrimSpace(m.Credit)
	for _, f := range []struct {
		s   string
		max int
	}{{m.Alt, MaxAltLen}, {m.Caption, MaxCaptionLen}, {m.Credit, MaxCreditLen}} {
		if !utf8.ValidString(f.s) || utf8.RuneCountInString(f.s) > f.max {
			return m, ErrMediaText
		}
	}
	return m, nil
}

// MediaStore loads and saves the image library.
type MediaStore struct {
	db  *db.DB
	now func() time.Time
}

// NewMediaStore returns a store over d with the clock now.
func NewMediaStore(d *db.DB, now func() time.Time) *MediaStore {
	return &MediaStore{db: d, now: now}
}

const mediaCols = `m.id, m.type, m.format, m.width, m.height, m.orientation, m.size, m.sha256, m.filename,
	m.alt, m.caption, m.credit, COALESCE(m.uploader_id, 0), COALESCE(u.name, ''), m.created_at, m.metadata_removed`

const mediaJoin = ` FROM media m LEFT JOIN users u ON u.id = m.uploader_id `

// scanMedia reads mediaCols, after the columns pre points to.
func scanMedia(row interface{ Scan(...any) error }, pre ...any) (Media, error) {
	var m Media
	var created int64
	err := row.Scan(append(pre, &m.ID, &m.Type, &m.Format, &m.Width, &m.Height, &m.Orientation, &m.Size, &m.SHA256, &m.Filename,
		&m.Alt, &m.Caption, &m.Credit, &m.UploaderID, &m.UploaderName, &created, &m.MetadataRemoved)...)
	m.CreatedAt = time.Unix(created, 0).UTC()
	return m, err
}

// Create checks an uploaded image (type by content, size and pixel limits,
// a full decode) and stores it. A refused file gets one of imaging.ErrImage...
// errors.
func (s *MediaStore) Create(ctx context.Context, in MediaInput) (Media, error) {
	info, err := imaging.InspectImage(in.Data)
	if err != nil {
		return Media{}, err
	}
	return s.insert(ctx, in, info)
}

// insert stores an image already inspected, without its metadata.
func (s *MediaStore) insert(ctx context.Context, in MediaInput, info imaging.ImageInfo) (Media, error) {
	meta, err := MediaMeta{Alt: in.Alt, Caption: in.Caption, Credit: in.Credit}.Clean()
	if err != nil {
		return Media{}, err
	}
	var removed string
	in.Data, removed = imaging.StripMetadata(in.Data, info.Type)
	sum := sha256.Sum256(in.Data)
	m := Media{Type: info.Type, Format: info.Format, Width: info.Width, Height: info.Height, Orientation: info.Orientation,
		Size: int64(len(in.Data)), SHA256: hex.EncodeToString(sum[:]), Filename: cleanFilename(in.Filename),
		Alt: meta.Alt, Caption: meta.Caption, Credit: meta.Credit, UploaderID: in.UploaderID,
		CreatedAt: s.now().UTC().Truncate(time.Second), MetadataRemoved: removed}
	var uploader any
	if in.UploaderID != 0 {
		uploader = in.UploaderID
	}
	res, err := s.db.Exec(ctx, `INSERT INTO media (data, type, format, width, height, orientation, size, sha256,
		filename, alt, caption, credit, uploader_id, created_at, metadata_removed, metadata_checked)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
		in.Data, m.Type, m.Format, m.Width, m.Height, info.Orientation, m.Size, m.SHA256,
		m.Filename, m.Alt, m.Caption, m.Credit, uploader, m.CreatedAt.Unix(), removed)
	if err != nil {
		return Media{}, fmt.Errorf("models: store image: %w", err)
	}
	m.ID, _ = res.LastInsertId()
	return m, nil
}

// cleanFilename keeps the last path element of a client's file name, short.
func cleanFilename(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.ToValidUTF8(strings.TrimSpace(name), "")
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	return name
}

// Get returns one image's record, or ErrNotFound.
func (s *MediaStore) Get(ctx context.Context, id int64) (Media, error) {
	m, err := scanMedia(s.db.QueryRow(ctx, `SELECT `+mediaCols+mediaJoin+`WHERE m.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	if err != nil {
		return m, fmt.Errorf("models: image %d: %w", id, err)
	}
	return m, nil
}

// Original returns an image's record and its original bytes, which are only
// ever used to make resized copies.
func (s *MediaStore) Original(ctx context.Context, id int64) (Media, []byte, error) {
	var data []byte
	m, err := s.Get(ctx, id)
	if err != nil {
		return m, nil, err
	}
	err = s.db.QueryRow(ctx, `SELECT data FROM media WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return m, nil, ErrNotFound
	}
	if err != nil {
		return m, nil, fmt.Errorf("models: image %d data: %w", id, err)
	}
	return m, data, nil
}

// List returns one page of the library, newest first; a non-empty query
// keeps the images whose alt text or caption contains it.
//
// With viewer not 0, only the pictures that user may see are listed (see
// visibleTo); 0 lists every picture, as for editors.
func (s *MediaStore) List(ctx context.Context, query string, page int, viewer int64) ([]Media, Pager, error) {
	p := Pager{Page: page, Size: MediaPageSize}
	where, args := `WHERE 1 `, []any{}
	if q := strings.TrimSpace(query); q != "" {
		like := "%" + escapeLike(q) + "%"
		where += `AND (m.alt LIKE ? ESCAPE '\' OR m.caption LIKE ? ESCAPE '\') `
		args = append(args, like, like)
	}
	if viewer != 0 {
		n := len(args)
		where += `AND ` + visibleTo(fmt.Sprintf("?%d", n+1), fmt.Sprintf("?%d", n+2)) + ` `
		args = append(args, viewer, s.now().UTC().Unix())
	}
	args = append(args, p.Size+1, p.Offset())
	rows, err := s.db.Query(ctx, `SELECT `+mediaCols+mediaJoin+where+
		`ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, p, fmt.Errorf("models: list images: %w", err)
	}
	defer rows.Close()
	var out []Media
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			return nil, p, fmt.Errorf("models: scan image: %w", err)
		}
		out = append(out, m)
	}
	if len(out) > p.Size {
		p.HasNext = true
		out = out[:p.Size]
	}
	return out, p, rows.Err()
}

// escapeLike makes s match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// UpdateMeta changes an image's alt text, caption and credit.
func (s *MediaStore) UpdateMeta(ctx context.Context, id int64, meta MediaMeta) (Media, error) {
	meta, err := meta.Clean()
	if err != nil {
		return Media{}, err
	}
	err = s.db.WithTx(ctx, func(tx *db.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE media SET alt = ?, caption = ?, credit = ? WHERE id = ?`,
			meta.Alt, meta.Caption, meta.Credit, id)
		if err != nil {
			return fmt.Errorf("models: update image %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return imageUsersChanged(ctx, tx, id)
	})
	if err != nil {
		return Media{}, err
	}
	return s.Get(ctx, id)
}
