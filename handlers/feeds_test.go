package handlers

import (
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Structs a feed reader would decode into, with the namespaces resolved.
type rssCheck struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title string `xml:"title"`
		// Before Link: the decoder gives an element to the first field
		// that matches, and Link would match atom:link too.
		Self struct {
			Href string `xml:"href,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Link  string `xml:"link"`
		Items []struct {
			Title      string   `xml:"title"`
			Link       string   `xml:"link"`
			GUID       string   `xml:"guid"`
			PubDate    string   `xml:"pubDate"`
			Content    string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			Creator    string   `xml:"http://purl.org/dc/elements/1.1/ creator"`
			Categories []string `xml:"category"`
		} `xml:"item"`
	} `xml:"channel"`
}

type atomCheck struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Entries []struct {
		ID        string `xml:"id"`
		Title     string `xml:"title"`
		Published string `xml:"published"`
		Updated   string `xml:"updated"`
		Link      struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Author struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Content struct {
			Type  string `xml:"type,attr"`
			Value string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func TestFeeds(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	seedDiscovery(t, ts)
	tests := []struct {
		path, golden, ctype string
		items               int
	}{
		{"/feed", "feed.rss", "application/rss+xml", 3},
		{"/feed/atom", "feed.atom", "application/atom+xml", 3},
		{"/category/world-news/feed", "feed-world-news.rss", "application/rss+xml", 2},
		{"/category/sports/feed/atom", "feed-sports.atom", "application/atom+xml", 1},
	}
	for _, tt := range tests {
		res, body := ts.get(t, tt.path)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.ctype) {
			t.Fatalf("%s: %d %s", tt.path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		golden(t, tt.golden, body)
		var titles, links, contents []string
		if strings.HasSuffix(tt.golden, ".rss") {
			var f rssCheck
			if err := xml.Unmarshal([]byte(body), &f); err != nil {
				t.Fatalf("%s does not parse: %v", tt.path, err)
			}
			if f.Version != "2.0" || f.Channel.Self.Href != testBaseURL+tt.path {
				t.Errorf("%s: version %q, self link %q", tt.path, f.Version, f.Channel.Self.Href)
			}
			for _, it := range f.Channel.Items {
				titles, links, contents = append(titles, it.Title), append(links, it.Link), append(contents, it.Content)
				if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil || it.Creator == "" || it.GUID == "" || len(it.Categories) == 0 {
					t.Errorf("%s: item %q incomplete: %+v", tt.path, it.Title, it)
				}
			}
		} else {
			var f atomCheck
			if err := xml.Unmarshal([]byte(body), &f); err != nil {
				t.Fatalf("%s does not parse: %v", tt.path, err)
			}
			for _, e := range f.Entries {
				titles, links, contents = append(titles, e.Title), append(links, e.Link.Href), append(contents, e.Content.Value)
				_, err1 := time.Parse(time.RFC3339, e.Published)
				_, err2 := time.Parse(time.RFC3339, e.Updated)
				if err1 != nil || err2 != nil || e.Author.Name == "" || !strings.HasPrefix(e.ID, "tag:news.example.com,") || e.Content.Type != "html" {
					t.Errorf("%s: entry %q incomplete: %+v", tt.path, e.Title, e)
				}
			}
		}
		if len(titles) != tt.items {
			t.Errorf("%s: %d items, want %d: %q", tt.path, len(titles), tt.items, titles)
		}
		for _, l := range links {
			if !strings.HasPrefix(l, testBaseURL+"/") {
				t.Errorf("%s: link %q is not absolute", tt.path, l)
			}
		}
		for i, title := range titles {
			if strings.Contains(title, "draft") || strings.Contains(title, "festival") {
				t.Errorf("%s lists an unpublished article: %q", tt.path, title)
			}
			// What the reader gets back is the sanitized article, script gone.
			if strings.Contains(contents[i], "<script") || !strings.Contains(contents[i], "<p>") {
				t.Errorf("%s: content of %q: %q", tt.path, title, contents[i])
			}
		}
	}
	for _, path := range []string{"/category/nowhere/feed", "/category/nowhere/feed/atom", "/category/Bad%20Slug/feed"} {
		if res, _ := ts.get(t, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}

func TestFeedOfEmptySite(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	for _, path := range []string{"/feed", "/feed/atom"} {
		res, body := ts.get(t, path)
		var v struct{}
		if res.StatusCode != http.StatusOK || xml.Unmarshal([]byte(body), &v) != nil {
			t.Errorf("%s on an empty site: %d %s", path, res.StatusCode, body)
		}
	}
}

func TestFeedsCarryLeadPicturesAndFollowTagsAndAuthors(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	for _, path := range []string{"/feed", "/tag/diplomacy/feed", "/author/maria-okafor/feed"} {
		res, body := ts.get(t, path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", path, res.StatusCode)
		}
		var doc struct {
			Items []struct {
				Title   string `xml:"title"`
				Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
				Media   struct {
					URL    string `xml:"url,attr"`
					Medium string `xml:"medium,attr"`
				} `xml:"http://search.yahoo.com/mrss/ content"`
			} `xml:"channel>item"`
		}
		if err := xml.Unmarshal([]byte(body), &doc); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(doc.Items) == 0 {
			t.Fatalf("%s: no items", path)
		}
		for _, it := range doc.Items {
			if !strings.HasPrefix(it.Media.URL, testBaseURL+"/media/") || it.Media.Medium != "image" {
				t.Errorf("%s: %q has no media:content picture (%+v)", path, it.Title, it.Media)
			}
			if !strings.HasPrefix(it.Content, `<figure><img src="`+it.Media.URL+`"`) {
				t.Errorf("%s: %q content does not start with its picture", path, it.Title)
			}
		}
	}
	_, atom := ts.get(t, "/tag/diplomacy/feed/atom")
	if !strings.Contains(atom, `rel="enclosure" type="image/jpeg"`) || !strings.Contains(atom, "<title>The Daily Ledger – Diplomacy</title>") {
		t.Errorf("tag Atom feed has no enclosure or no title naming the tag:\n%.600s", atom)
	}
	for _, path := range []string{"/tag/no-such-tag/feed", "/author/nobody/feed/atom"} {
		if res, _ := ts.get(t, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
}
