package models

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newsroom/news/db"
)

// bodyRenderVersion names how stored article HTML is made. Raising it
// makes RerenderBodies render every stored article with pictures again.
// "figures-1": library pictures alone in a paragraph are figures (srcset,
// sizes, width, height, lazy loading, caption and credit).
const bodyRenderVersion = "figures-1"

// rerenderBatch is how many articles one transaction re-renders, so the
// writer is never held for long on a site with 100 000 articles.
const rerenderBatch = 500

// RerenderBodies renders again, in batches, the stored text of every
// article and page that shows a library picture, once per
// bodyRenderVersion, and returns how many changed. It runs after the
// migrations at start-up; running it again does nothing.
func RerenderBodies(ctx context.Context, d *db.DB) (int, error) {
	var done string
	err := d.QueryRow(ctx, `SELECT value FROM settings WHERE key = 'body_render'`).Scan(&done)
	if err != nil && err != sql.ErrNoRows {
		return 0, fmt.Errorf("models: body render version: %w", err)
	}
	if done == bodyRenderVersion {
		return 0, nil
	}
	changed := 0
	for _, table := range []string{"articles", "pages"} {
		var last int64
		for {
			n, next, err := rerenderBatchOf(ctx, d, table, last)
			if err != nil {
				return changed, err
			}
			changed += n
			if next == last {
				break
			}
			last = next
		}
	}
	_, err = d.Exec(ctx, `INSERT INTO settings (key, value) VALUES ('body_render', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, bodyRenderVersion)
	if err != nil {
		return changed, fmt.Errorf("models: record body render version: %w", err)
	}
	return changed, nil
}

// rerenderBatchOf re-renders up to rerenderBatch rows of table after id
// last that show a library picture; it returns how many changed and the
// last id it read (last itself when none was left).
func rerenderBatchOf(ctx context.Context, d *db.DB, table string, last int64) (int, int64, error) {
	changed, next := 0, last
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, body_md, body_html FROM `+table+` WHERE id > ? ORDER BY id LIMIT ?`, last, rerenderBatch)
		if err != nil {
			return fmt.Errorf("models: read %s to render: %w", table, err)
		}
		type row struct {
			id       int64
			md, html string
		}
		var batch []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.md, &r.html); err != nil {
				rows.Close()
				return fmt.Errorf("models: scan %s to render: %w", table, err)
			}
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range batch {
			next = r.id
			if !bodyImageRe.MatchString(r.md) {
				continue
			}
			h, err := renderBody(ctx, tx, r.md)
			if err != nil {
				return err
			}
			if string(h) == r.html {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET body_html = ? WHERE id = ?`, string(h), r.id); err != nil {
				return fmt.Errorf("models: store rendered %s %d: %w", table, r.id, err)
			}
			changed++
		}
		if changed > 0 {
			// Bodies show on their articles' and site pages, which any
			// page's chrome links to: drop everything, once per batch.
			tx.Changed(string(TagChrome))
		}
		return nil
	})
	return changed, next, err
}
