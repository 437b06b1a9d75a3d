package models

import (
	"bytes"
	"context"
	"testing"
	"time"
)

func TestOriginalsStoredWithoutCameraMetadata(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := NewMediaStore(newTestDB(t), time.Now)
	jpg := encodeJPEG(t, halves(200, 100))
	m, err := store.Create(ctx, MediaInput{Data: withEXIF(jpg, 6, "GPS 51.5007N 0.1246W secret-location"), Alt: "Turned"})
	if err != nil {
		t.Fatal(err)
	}
	_, stored, err := store.Original(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stored, jpg) {
		t.Errorf("stored original is %d bytes, want the %d bytes of the picture without its EXIF segment (not re-encoded)", len(stored), len(jpg))
	}
	got, err := store.Get(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.MetadataRemoved != "EXIF data (camera details, date, GPS position)" || got.Orientation != 6 {
		t.Errorf("record says removed %q, orientation %d", got.MetadataRemoved, got.Orientation)
	}
	// The orientation kept in the record still turns the served copies.
	r, err := NewRenditions(store, 1<<20, NewMemoryBudget(64<<20, 4)).Get(ctx, got, 320)
	if err != nil || r.Width != 100 || r.Height != 200 {
		t.Errorf("served copy %d×%d (%v), want 100×200", r.Width, r.Height, err)
	}

	png := encodePNG(t, halves(40, 30))
	var withChunk bytes.Buffer
	withChunk.Write(png[:33]) // signature and IHDR
	writeChunk(&withChunk, "eXIf", []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x00secret-location"))
	withChunk.Write(png[33:])
	p, err := store.Create(ctx, MediaInput{Data: withChunk.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	if _, stored, _ := store.Original(ctx, p.ID); !bytes.Equal(stored, png) {
		t.Error("the PNG was stored with its eXIf chunk, or re-encoded")
	}
	plain, err := store.Create(ctx, MediaInput{Data: jpg})
	if err != nil || plain.MetadataRemoved != "" {
		t.Errorf("a picture without metadata: removed %q (%v)", plain.MetadataRemoved, err)
	}
}

func TestStoredOriginalsCleanedByTheMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	d := newTestDB(t)
	store := NewMediaStore(d, time.Now)
	jpg := encodeJPEG(t, halves(200, 100))
	old := withEXIF(jpg, 6, "GPS 51.5007N 0.1246W secret-location")
	// As an earlier version stored it: EXIF and all, not yet checked.
	if _, err := d.Exec(ctx, `INSERT INTO media (data, type, format, width, height, orientation, size, sha256, created_at)
		VALUES (?, 'image/jpeg', 'jpeg', 100, 200, 6, ?, 'old', 1)`, old, len(old)); err != nil {
		t.Fatal(err)
	}
	n, err := store.StripStoredMetadata(ctx)
	if err != nil || n != 1 {
		t.Fatalf("cleaned %d (%v), want 1", n, err)
	}
	m, stored, err := store.Original(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stored, jpg) || m.Size != int64(len(jpg)) || m.SHA256 == "old" {
		t.Errorf("after the migration: %d bytes, size %d, digest %q", len(stored), m.Size, m.SHA256)
	}
	if m.MetadataRemoved == "" || m.Orientation != 6 {
		t.Errorf("record: removed %q, orientation %d", m.MetadataRemoved, m.Orientation)
	}
	if n, err := store.StripStoredMetadata(ctx); err != nil || n != 0 {
		t.Errorf("second run cleaned %d (%v), want 0", n, err)
	}
}
