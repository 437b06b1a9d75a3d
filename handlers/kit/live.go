package kit

import (
	"time"

	"github.com/newsroom/news/models"
)

// EntryInZone shows a live entry's times in the site's time zone.
func EntryInZone(e models.LiveEntry, loc *time.Location) models.LiveEntry {
	e.CreatedAt, e.UpdatedAt = e.CreatedAt.In(loc), e.UpdatedAt.In(loc)
	return e
}
