package models

import (
	"errors"
	"strconv"
)

// PageSize is how many articles a list page shows.
const PageSize = 10

// MaxPage bounds page numbers so offsets stay far from overflow.
const MaxPage = 100000

// ErrBadPage means a page number that is not a positive whole number.
var ErrBadPage = errors.New("models: bad page number")

// ParsePage reads a ?page= value. Empty means page 1; anything other than
// a whole number from 1 to MaxPage is ErrBadPage.
func ParsePage(s string) (int, error) {
	if s == "" {
		return 1, nil
	}
	if len(s) > 6 {
		return 0, ErrBadPage
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, ErrBadPage
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxPage {
		return 0, ErrBadPage
	}
	return n, nil
}

// Pager describes one page of a list.
type Pager struct {
	Page    int
	Size    int
	HasNext bool
}

// Offset is the number of rows before this page.
func (p Pager) Offset() int { return (p.Page - 1) * p.Size }

// HasPrev reports whether there is a page before this one.
func (p Pager) HasPrev() bool { return p.Page > 1 }

// PrevPage is the number of the page before.
func (p Pager) PrevPage() int { return p.Page - 1 }

// NextPage is the number of the page after.
func (p Pager) NextPage() int { return p.Page + 1 }
