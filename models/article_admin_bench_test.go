package models

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsroom/news/db"
)

// BenchmarkListAdmin10k lists page 1 of the newsroom's articles among
// 10,000, with no filter, one status, a title search and scheduled only.
func BenchmarkListAdmin10k(b *testing.B) {
	d := newTestDB(b)
	ctx := context.Background()
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	cat, _ := NewCategoryStore(d).Create(ctx, CategoryInput{Name: "World"})
	u, _ := NewUserStore(d).Create(ctx, UserInput{Email: "a@b.c", Name: "A", Role: RoleEditor})
	err := d.WithTx(ctx, func(tx *db.Tx) error {
		for i := range 10000 {
			st := []string{"draft", "review", "published", "trash"}[i%4]
			_, err := tx.ExecContext(ctx, `INSERT INTO articles (category_id, author_id, slug, title, status, published_at, updated_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, cat.ID, u.ID, fmt.Sprintf("a-%d", i), fmt.Sprintf("Article number %d about things", i), st,
				now.Unix()-int64(i), now.Unix()-int64(i), now.Unix()-int64(i))
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	s := NewArticleStore(d, func() time.Time { return now })
	for _, f := range []AdminFilter{{}, {Status: StatusDraft}, {Query: "number 99"}, {Status: StatusScheduled}} {
		b.Run(fmt.Sprintf("%+v", f), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.ListAdmin(ctx, f, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
