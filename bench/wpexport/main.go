// Command wpexport writes a large WordPress export made from the shapes of
// the sample export: each published post of the sample copied until there
// are -posts posts, each with -comments comments in threads, reusing the
// sample's attachments (so its pictures), for the import benchmark.
//
//	go run ./bench/wpexport -posts 2000 -comments 20000 > /tmp/big.xml
package main

import (
	"bufio"
	"flag"
	"fmt"
	"html"
	"log"
	"os"
	"regexp"
	"strings"
)

var (
	postID   = regexp.MustCompile(`<wp:post_id>\d+</wp:post_id>`)
	postName = regexp.MustCompile(`<wp:post_name><!\[CDATA\[([^\]]*)\]\]></wp:post_name>`)
	link     = regexp.MustCompile(`<link>([^<]*)</link>`)
	title    = regexp.MustCompile(`<title><!\[CDATA\[([^\]]*)\]\]></title>`)
	comments = regexp.MustCompile(`(?s)\s*<wp:comment>.*?</wp:comment>`)
	texts    = regexp.MustCompile(`(?s)<wp:comment_content><!\[CDATA\[(.*?)\]\]></wp:comment_content>`)
)

func main() {
	sample := flag.String("sample", "../shared/wordpress/wordpress-sample.xml", "the sample export")
	posts := flag.Int("posts", 2000, "posts to write")
	perPost := flag.Int("comments", 20000, "comments to write in all")
	flag.Parse()
	b, err := os.ReadFile(*sample)
	if err != nil {
		log.Fatal(err)
	}
	s := string(b)
	first, end := strings.Index(s, "<item>"), strings.LastIndex(s, "</channel>")
	var published, others []string
	var said []string
	for _, it := range strings.SplitAfter(s[first:end], "</item>") {
		it = strings.TrimSpace(it)
		if !strings.HasPrefix(it, "<item>") {
			continue
		}
		for _, m := range texts.FindAllStringSubmatch(it, -1) {
			said = append(said, m[1])
		}
		if strings.Contains(it, "<wp:post_type><![CDATA[post]]>") && strings.Contains(it, "<wp:status><![CDATA[publish]]>") {
			published = append(published, comments.ReplaceAllString(it, ""))
		} else if strings.Contains(it, "<wp:post_type><![CDATA[attachment]]>") {
			others = append(others, it)
		}
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	w.WriteString(s[:first])
	for _, it := range others {
		w.WriteString(it + "\n")
	}
	per := *perPost / *posts
	cid := 1
	for i := 0; i < *posts; i++ {
		id := 100000 + i
		it := published[i%len(published)]
		n := i / len(published)
		it = postID.ReplaceAllString(it, fmt.Sprintf("<wp:post_id>%d</wp:post_id>", id))
		it = postName.ReplaceAllString(it, fmt.Sprintf("<wp:post_name><![CDATA[${1}-%d]]></wp:post_name>", n))
		it = link.ReplaceAllStringFunc(it, func(l string) string {
			return strings.TrimSuffix(strings.TrimSuffix(l, "</link>"), "/") + fmt.Sprintf("-%d/</link>", n)
		})
		it = title.ReplaceAllString(it, fmt.Sprintf("<title><![CDATA[${1} (%d)]]></title>", n))
		var cs strings.Builder
		for j := 0; j < per; j++ {
			parent := 0
			if j%4 != 0 { // threads of four: a comment and three replies, each to the one before
				parent = cid - 1
			}
			fmt.Fprintf(&cs, `<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author><![CDATA[Reader %d]]></wp:comment_author><wp:comment_author_email><![CDATA[reader%d@example.net]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[203.0.113.%d]]></wp:comment_author_IP><wp:comment_date_gmt><![CDATA[2025-06-01 10:%02d:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[%s]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>%d</wp:comment_parent></wp:comment>`+"\n",
				cid, cid%500, cid%500, cid%250, j%60, html.UnescapeString(said[cid%len(said)]), parent)
			cid++
		}
		it = strings.Replace(it, "</item>", cs.String()+"</item>", 1)
		w.WriteString(it + "\n")
	}
	w.WriteString(s[end:])
}
