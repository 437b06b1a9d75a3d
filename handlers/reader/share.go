package reader

import (
	"net/url"

	"github.com/newsroom/news/models"
)

// ShareLink is one plain link that shares an article on a network or by
// email: an address of theirs, opened only when the reader follows it.
type ShareLink struct {
	Name   string
	URL    string
	NewTab bool // a network's page; email opens the reader's own program
}

// shareLinks are the article's share links, to its absolute address.
func shareLinks(a models.Article, abs string) []ShareLink {
	u, t := url.QueryEscape(abs), url.QueryEscape(a.Title)
	return []ShareLink{
		{Name: "Email", URL: "mailto:?subject=" + url.PathEscape(a.Title) + "&body=" + url.PathEscape(a.Title+"\n\n"+abs)},
		{Name: "X", URL: "https://x.com/intent/post?text=" + t + "&url=" + u, NewTab: true},
		{Name: "Facebook", URL: "https://www.facebook.com/sharer/sharer.php?u=" + u, NewTab: true},
		{Name: "LinkedIn", URL: "https://www.linkedin.com/sharing/share-offsite/?url=" + u, NewTab: true},
		{Name: "WhatsApp", URL: "https://wa.me/?text=" + url.QueryEscape(a.Title+" "+abs), NewTab: true},
	}
}
