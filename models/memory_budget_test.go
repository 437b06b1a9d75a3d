package models

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestMemoryBudgetQueuesThenRefuses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b := NewMemoryBudget(100, 2)
	release, err := b.Reserve(ctx, 1000) // larger than the budget: runs alone
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 2)
	for range 2 {
		go func() {
			rel, err := b.Reserve(ctx, 10)
			if err == nil {
				rel()
			}
			got <- err
		}()
	}
	for b.waiting.Load() < 2 {
		time.Sleep(time.Millisecond)
	}
	if _, err := b.Reserve(ctx, 10); !errors.Is(err, ErrBusy) {
		t.Errorf("a third job waiting: %v, want ErrBusy", err)
	}
	short, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	select {
	case err := <-got:
		t.Fatalf("a job ran beside one holding the whole budget (%v)", err)
	case <-short.Done():
	}
	release()
	for range 2 {
		if err := <-got; err != nil {
			t.Errorf("a waiting job after the release: %v", err)
		}
	}
}
