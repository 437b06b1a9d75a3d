package newsroom

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
	"github.com/newsroom/news/models/imaging"
)

// Limits on one upload request: how many files, and the whole body.
const (
	maxUploadFiles = 20
	maxUploadBytes = 110 << 20
	uploadTimeout  = 10 * time.Minute
)

// UploadLimit refuses an upload announcing more than the whole-body limit
// before reading any of it.
var UploadLimit = kit.AnnouncedLimit(maxUploadBytes, msgUploadTooLarge)

// MediaIndex shows the library: newest first, searchable, paginated.
func (h *Handler) MediaIndex(c echo.Context) error {
	p, err := h.mediaLibraryPage(c, "/admin/media", "")
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, p)
}

// mediaLibraryPage loads the library page for ?q= and ?page= at path;
// article, when not empty, is kept in its links (the lead image picker).
func (h *Handler) mediaLibraryPage(c echo.Context, path, article string) (AdminMediaPage, error) {
	n, err := kit.PageParam(c)
	if err != nil {
		return AdminMediaPage{}, err
	}
	ctx := c.Request().Context()
	q := strings.TrimSpace(c.QueryParam("q"))
	list, pager, err := h.Media.List(ctx, q, n, pictureViewer(currentUser(c)))
	if err != nil {
		return AdminMediaPage{}, err
	}
	l, err := h.layout(c, "Media", "media")
	if err != nil {
		return AdminMediaPage{}, err
	}
	p := AdminMediaPage{Layout: l, Query: q, Pager: pager, BaseURL: mediaListURL(path, article, q),
		SearchPath: path, ArticleField: article}
	for _, m := range list {
		uses, err := h.Media.Usage(ctx, m.ID)
		if err != nil {
			return p, err
		}
		p.Items = append(p.Items, MediaItem{Media: m, Uses: uses})
	}
	return p, nil
}

// mediaListURL is a library list's address with its search, without page.
func mediaListURL(path, article, q string) string {
	v := url.Values{}
	if article != "" {
		v.Set("article", article)
	}
	if q != "" {
		v.Set("q", q)
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// msgUploadTooLarge answers an upload past maxUploadBytes.
const msgUploadTooLarge = "Upload at most 100 MB at a time (each image up to 10 MB). Nothing was stored; try fewer files."

// MediaUpload stores each uploaded file that is a usable image and
// names each refused one with the reason; one bad file never loses the
// others.
func (h *Handler) MediaUpload(c echo.Context) error {
	req := c.Request()
	// The server's read and write timeouts suit pages, not 100 MB of
	// pictures over a newsroom's uplink: give an upload longer.
	rc := http.NewResponseController(c.Response().Writer)
	_ = rc.SetReadDeadline(time.Now().Add(uploadTimeout))
	_ = rc.SetWriteDeadline(time.Now().Add(uploadTimeout + time.Minute))
	req.Body = http.MaxBytesReader(c.Response(), req.Body, maxUploadBytes)
	if err := req.ParseMultipartForm(32 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return echo.NewHTTPError(http.StatusRequestEntityTooLarge, msgUploadTooLarge)
		}
		return echo.NewHTTPError(http.StatusBadRequest, "The upload could not be read. Please choose the files again.")
	}
	defer req.MultipartForm.RemoveAll()
	files := req.MultipartForm.File["files"]
	var results []UploadResult
	if len(files) == 0 {
		results = append(results, UploadResult{Error: "Choose one or more image files to upload."})
	}
	stored := 0
	for i, fh := range files {
		r := UploadResult{Filename: fh.Filename}
		if i >= maxUploadFiles {
			r.Error = "not stored: at most " + strconv.Itoa(maxUploadFiles) + " files per upload"
		} else if m, err := h.storeUpload(c, fh); err != nil {
			r.Error = h.userMessage(c, err)
		} else {
			r.Media, stored = &m, stored+1
		}
		results = append(results, r)
	}
	if stored > 0 {
		h.audit(c, "media.upload", "uploaded "+count(stored, "picture", "pictures")+" to the library")
	}
	p, err := h.mediaLibraryPage(c, "/admin/media", "")
	if err != nil {
		return err
	}
	p.Results = results
	status := http.StatusOK
	if stored == 0 {
		status = http.StatusUnprocessableEntity
	}
	return h.render(c, status, p)
}

// storeUpload reads one uploaded file (refusing oversize files unread) and
// stores it.
func (h *Handler) storeUpload(c echo.Context, fh *multipart.FileHeader) (models.Media, error) {
	if fh.Size > imaging.MaxImageBytes {
		return models.Media{}, imaging.ErrImageTooLarge
	}
	f, err := fh.Open()
	if err != nil {
		return models.Media{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, imaging.MaxImageBytes+1))
	if err != nil {
		return models.Media{}, err
	}
	// Checking an upload decodes it in full: what that costs is read from
	// its header first (refusing what is too costly), and reserved from the
	// budget resizes share, so uploads and resizes together stay within it.
	cost, err := imaging.CostOf(data)
	if err != nil {
		return models.Media{}, err
	}
	ctx := c.Request().Context()
	release, err := h.Renditions.Budget().Reserve(ctx, cost.Inspect)
	if err != nil {
		return models.Media{}, err
	}
	m, err := h.Media.Create(ctx, models.MediaInput{Filename: fh.Filename, Data: data, UploaderID: currentUser(c).ID})
	release()
	if err != nil {
		return m, err
	}
	// Its copies are made now, so no reader's request has to.
	if err := h.Renditions.Prepare(ctx, m); err != nil {
		h.Logger.Warn("media copies", "id", kit.RequestID(c), "media", m.ID, "err", err)
	}
	return m, nil
}

// userMessage turns a refusal from the models into the sentence shown to
// the editor. Anything unexpected is logged and shown as a generic failure.
func (h *Handler) userMessage(c echo.Context, err error) string {
	for _, known := range []error{imaging.ErrImageTooLarge, imaging.ErrImageType, imaging.ErrImagePixels,
		imaging.ErrImageDimensions, imaging.ErrImageCorrupt, imaging.ErrImageEmpty, models.ErrAltRequired,
		models.ErrMediaText, models.ErrMediaInUse, imaging.ErrImageMemory, models.ErrBusy} {
		if errors.Is(err, known) {
			return strings.TrimPrefix(err.Error(), "models: ")
		}
	}
	h.Logger.Error("media", "id", kit.RequestID(c), "err", err)
	return "could not be stored because of a problem on our side; please try again"
}

// pictureViewer is whose pictures u sees in the library and the picker:
// 0 (all) for those allowed others' work, else u's own (see
// models.MediaStore.List), so no author browses another's embargoed
// pictures.
func pictureViewer(u models.User) int64 {
	if May(u, OthersWork) {
		return 0
	}
	return u.ID
}
