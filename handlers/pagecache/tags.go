package pagecache

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/models"
)

// cacheTagsKey holds the tags of the page being rendered; see AddTags.
const cacheTagsKey = "cache_tags"

// maxHeaderTags is how many tags a response names at the edge. A longer
// list is cut to its first tags (the chrome, the list itself, its first
// articles) plus list:<hash>, which the edge is purged by whenever the
// page drops here.
const maxHeaderTags = 64

// AddTags records that the page being rendered shows what tags name.
func AddTags(c echo.Context, tags ...models.CacheTag) {
	old, _ := c.Get(cacheTagsKey).([]models.CacheTag)
	c.Set(cacheTagsKey, append(old, tags...))
}

// pageTags are the tags recorded for the page rendered in c, chrome first
// (every page shows it), then in the order the page named them, without
// repeats; a list longer than maxHeaderTags also carries its list: tag.
func pageTags(c echo.Context) []string {
	named, _ := c.Get(cacheTagsKey).([]models.CacheTag)
	seen := make(map[models.CacheTag]bool, len(named)+1)
	out := make([]string, 0, len(named)+2)
	for _, t := range append([]models.CacheTag{models.TagChrome}, named...) {
		if !seen[t] {
			seen[t] = true
			out = append(out, string(t))
		}
	}
	if len(out) > maxHeaderTags {
		sum := sha256.Sum256([]byte(c.Request().URL.Path + "?" + c.Request().URL.RawQuery + "\n" + strings.Join(out, " ")))
		out = append(out, "list:"+hex.EncodeToString(sum[:8]))
	}
	return out
}

// headerTags are the tags a response names at the edge: all of them, or
// for a long list its first ones and its list: tag.
func headerTags(tags []string) []string {
	if len(tags) <= maxHeaderTags {
		return tags
	}
	return append(tags[:maxHeaderTags-1:maxHeaderTags-1], tags[len(tags)-1])
}

// listTags are the list: tags among tags.
func listTags(tags []string) []string {
	if n := len(tags); n > maxHeaderTags && strings.HasPrefix(tags[n-1], "list:") {
		return tags[n-1:]
	}
	return nil
}

// TagWith is route middleware naming tags for every page the route serves.
func TagWith(tags ...models.CacheTag) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			AddTags(c, tags...)
			return next(c)
		}
	}
}
