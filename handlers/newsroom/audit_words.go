package newsroom

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The audit log's detail is a sentence that follows the name of who did
// it: "Maria Okafor" + " scheduled ‘Port council…’ for 3 December 09:00".
// These helpers keep those sentences alike.

// titleWords is how much of a title a sentence quotes.
const titleWords = 40

// quoted is a title in quotes, cut at a word past titleWords characters.
func quoted(title string) string {
	title = strings.TrimSpace(title)
	if title == "" {
		title = "Untitled"
	}
	if utf8.RuneCountInString(title) > titleWords {
		cut := string([]rune(title)[:titleWords])
		if i := strings.LastIndexByte(cut, ' '); i > titleWords/2 {
			cut = cut[:i]
		}
		title = strings.TrimRight(cut, " ,.;:") + "…"
	}
	return "‘" + title + "’"
}

// when is a time as a sentence says it, in the site's zone: "3 December 09:00".
func when(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("2 January 15:04")
}

// count is "1 comment", "3 comments".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// idList is "(ids 3, 7, 9)", for sentences about several things.
func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	if len(parts) > 10 {
		parts = append(parts[:10], "…")
	}
	return "(ids " + strings.Join(parts, ", ") + ")"
}

// article is a role with its article: "an editor", "an admin", "an author".
func article(role string) string {
	return "an " + role
}
