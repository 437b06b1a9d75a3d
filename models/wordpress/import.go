package wordpress

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newsroom/news/db"
	"github.com/newsroom/news/models"
)

// Options are the choices of one import.
type Options struct {
	Uploads  string   // the copy of wp-content/uploads; "" imports no pictures
	Editors  []string // logins of the authors who become editors
	DryRun   bool     // write nothing, report what would be done
	Reserved []string // first path segments the site uses itself, which no page may take
	Progress io.Writer
}

// importer holds one import's state: the index of the first pass and the
// local ids of what is already in.
type importer struct {
	ctx   context.Context
	opt   Options
	ix    *index
	store *models.ImportStore
	addrs *models.OldAddressStore
	tags  *models.TagStore
	rep   *Report
	src   string // wp:base_site_url

	users    map[string]int64           // login → user
	sections map[string]models.Category // category slug → section
	urls     map[int64]string           // post id → its new address, once imported
	pending  []int64                    // posts whose links point at posts imported after them
	media    map[int64]models.Media     // attachment id → picture
	files    map[string]models.Media    // upload path → picture, for files no attachment names
	fake     int64                      // ids handed out in a dry run
}

// Import reads the export at path twice (an index first, then item by
// item), imports it into d and returns the report. With opt.DryRun it
// writes nothing and reports what it would do.
func Import(ctx context.Context, d *db.DB, path string, opt Options) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ix, err := scan(f)
	if err != nil {
		return nil, err
	}
	if ix.site.BaseSiteURL == "" {
		ix.site.BaseSiteURL = ix.site.Link
	}
	if ix.site.BaseSiteURL == "" {
		return nil, errors.New("wordpress: the export names no site (no wp:base_site_url or link)")
	}
	ix.indexAddresses()
	now := time.Now
	im := &importer{ctx: ctx, opt: opt, ix: ix, store: models.NewImportStore(d, now),
		addrs: models.NewOldAddressStore(d, models.NewArticleStore(d, now)), tags: models.NewTagStore(d),
		rep: newReport(opt.DryRun), src: ix.site.BaseSiteURL, users: map[string]int64{},
		sections: map[string]models.Category{}, urls: map[int64]string{}, media: map[int64]models.Media{},
		files: map[string]models.Media{}}
	if !opt.DryRun {
		if err := im.addrs.Put(ctx, siteFeeds); err != nil {
			return nil, err
		}
	}
	if err := im.authors(); err != nil {
		return nil, err
	}
	if err := im.categories(); err != nil {
		return nil, err
	}
	if err := im.items(f, false); err != nil {
		return nil, err
	}
	if len(im.pending) > 0 {
		if err := im.items(f, true); err != nil {
			return nil, err
		}
	}
	if err := im.termAddresses(); err != nil {
		return nil, err
	}
	return im.rep, nil
}

// items is the second pass: every item in file order. With again, only
// the posts whose links pointed ahead get their bodies made once more.
func (im *importer) items(f *os.File, again bool) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	redo := map[int64]bool{}
	for _, id := range im.pending {
		redo[id] = true
	}
	wr := NewReader(f)
	n := 0
	for {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			im.progress(n, true)
			return nil
		}
		if err != nil {
			return err
		}
		it, ok := rec.(*Item)
		if !ok {
			continue
		}
		n++
		im.progress(n, false)
		if again {
			if redo[it.PostID] {
				err = im.relink(it)
			}
		} else {
			err = im.item(it)
		}
		if err != nil {
			return fmt.Errorf("wordpress: item %d (%q): %w", it.PostID, it.Title, err)
		}
		if err := im.ctx.Err(); err != nil {
			return err
		}
	}
}

func (im *importer) progress(n int, done bool) {
	if im.opt.Progress == nil || (!done && n%100 != 0) {
		return
	}
	fmt.Fprintf(im.opt.Progress, "\r%d of %d items", n, im.ix.items)
	if done {
		fmt.Fprintln(im.opt.Progress)
	}
}

// item imports one item by its type.
func (im *importer) item(it *Item) error {
	switch it.Type {
	case "post":
		return im.post(it)
	case "page":
		return im.page(it)
	case "attachment":
		// Imported when a post uses it, as its lead picture or in its text.
	default:
		im.rep.skip(it.Type, itemName(it), "the site has nothing that a WordPress "+it.Type+" becomes")
	}
	return nil
}

func itemName(it *Item) string {
	return fmt.Sprintf("%s %d %q", it.Type, it.PostID, it.Title)
}

func (im *importer) key(kind string, id int64) models.ImportKey {
	return models.ImportKey{Source: im.src, Kind: kind, ID: id}
}

func (im *importer) fakeID() int64 {
	im.fake++
	return im.fake
}
