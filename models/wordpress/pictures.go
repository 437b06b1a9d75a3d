package wordpress

import (
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsroom/news/models"
)

// lead is the post's featured image (_thumbnail_id) as a picture, or the
// zero Media when it has none or its file is missing (reported).
func (im *importer) lead(it *Item) (models.Media, error) {
	v := it.MetaValue("_thumbnail_id")
	if v == "" {
		return models.Media{}, nil
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	a := im.ix.atts[id]
	if a == nil {
		im.rep.change("post", itemName(it), "its featured image (attachment "+v+") is not in the export")
		return models.Media{}, nil
	}
	m, _, err := im.attachmentMedia(a, itemName(it))
	return m, err
}

// attachmentMedia is the picture of an attachment, imported the first time
// it is used. ok is false when its file is missing or not a picture.
func (im *importer) attachmentMedia(a *attachment, usedBy string) (models.Media, bool, error) {
	if m, ok := im.media[a.ID]; ok {
		return m, m.ID != 0, nil
	}
	alt := strings.TrimSpace(html.UnescapeString(a.Alt))
	caption := plainText(a.Caption)
	if alt == "" {
		alt = first(caption, plainText(a.Title), "Picture")
		im.rep.change("picture", a.File, "no alt text in WordPress: used "+strconv.Quote(alt))
	}
	credit := plainText(a.Description)
	if utf8.RuneCountInString(credit) > models.MaxCreditLen {
		credit = ""
	}
	m, err := im.storeFile(a.ID, a.File, models.MediaInput{Alt: clip(alt, models.MaxAltLen),
		Caption: clip(caption, models.MaxCaptionLen), Credit: credit}, usedBy)
	im.media[a.ID] = m
	return m, m.ID != 0, err
}

// fileMedia is the picture of an upload no attachment describes.
func (im *importer) fileMedia(rel, alt, usedBy string) (models.Media, bool, error) {
	if m, ok := im.files[rel]; ok {
		return m, m.ID != 0, nil
	}
	m, err := im.storeFile(0, rel, models.MediaInput{Alt: clip(alt, models.MaxAltLen)}, usedBy)
	im.files[rel] = m
	return m, m.ID != 0, err
}

// storeFile reads an upload and stores it, once per content: a file the
// library already holds is that picture.
func (im *importer) storeFile(attID int64, rel string, in models.MediaInput, usedBy string) (models.Media, error) {
	if im.opt.Uploads == "" {
		im.rep.skip("picture", rel, "no --uploads folder given (used by "+usedBy+")")
		return models.Media{}, nil
	}
	clean := filepath.Clean("/" + rel)
	data, err := os.ReadFile(filepath.Join(im.opt.Uploads, clean))
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrInvalid) {
		im.rep.skip("picture", rel, "the file is not in the uploads folder (used by "+usedBy+")")
		return models.Media{}, nil
	}
	if err != nil {
		return models.Media{}, fmt.Errorf("picture %s: %w", rel, err)
	}
	in.Filename, in.Data = filepath.Base(clean), data
	if im.opt.DryRun {
		im.rep.count("pictures: used")
		return models.Media{ID: im.fakeID(), Format: "jpeg", Width: 1280, Alt: in.Alt, Caption: in.Caption}, nil
	}
	m, created, err := im.store.ImportMedia(im.ctx, im.key(models.ImportMedia, attID), in)
	if err != nil {
		im.rep.skip("picture", rel, "not a picture the site takes: "+err.Error())
		return models.Media{}, nil
	}
	if created {
		im.rep.count("pictures: created")
	} else {
		im.rep.count("pictures: stored once, used again")
	}
	return m, im.pictureAddresses(attID, rel, m)
}

// pictureAddresses point the old upload addresses of a picture, the
// original and every size WordPress made, at the picture.
func (im *importer) pictureAddresses(attID int64, rel string, m models.Media) error {
	list := []models.OldAddress{{Path: "/wp-content/uploads/" + rel, Kind: models.OldMedia, TargetID: m.ID}}
	if a := im.ix.atts[attID]; a != nil {
		dir := rel[:strings.LastIndex(rel, "/")+1]
		for f, w := range a.Sizes {
			list = append(list, models.OldAddress{Path: "/wp-content/uploads/" + dir + f, Kind: models.OldMedia,
				TargetID: m.ID, Suffix: strconv.Itoa(w)})
		}
	}
	return im.addrs.Put(im.ctx, list)
}

var sizeSuffix = regexp.MustCompile(`-(\d+)x\d+(\.[A-Za-z0-9]+)$`)

// picture finds the picture an image in a post shows: by its wp-image-ID
// class, else by its upload path (a resized copy's name leads to the
// original). ok is false for an image that is not on the old site or
// whose file is missing.
func (im *importer) picture(src string, classID int64, alt, usedBy string) (models.Media, int, bool, error) {
	rel := uploadPath(src)
	width := 0
	if m := sizeSuffix.FindStringSubmatch(rel); m != nil {
		width, _ = strconv.Atoi(m[1])
	}
	a := im.ix.atts[classID]
	if _, _, local := im.ix.sitePath(src); a == nil && (rel == "" || !local) {
		return models.Media{}, 0, false, nil
	}
	if a == nil {
		id, ok := im.ix.attFile[rel]
		if !ok {
			id, ok = im.ix.attFile[sizeSuffix.ReplaceAllString(rel, "$2")]
		}
		if ok {
			a = im.ix.atts[id]
		}
	}
	var m models.Media
	var ok bool
	var err error
	if a != nil {
		m, ok, err = im.attachmentMedia(a, usedBy)
	} else {
		m, ok, err = im.fileMedia(rel, alt, usedBy)
	}
	return m, width, ok, err
}

// first is the first of ss that is not empty, or "".
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		return string([]rune(s)[:n])
	}
	return s
}
