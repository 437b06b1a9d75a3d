// Command live measures live coverage under load: it opens many
// Server-Sent Events streams to one live article (from many loopback
// addresses, as many readers would come from many machines), signs in as
// an editor, posts an entry every second, and reports how long each entry
// took from the moment it was posted to reach every stream.
//
//	go run ./bench/live -url http://127.0.0.1:18090 -email e@x -password p -conns 2000 -duration 60s
//
// With -conns 0 it only posts, for the baseline run of bench/live.sh.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:18090", "the site")
	email := flag.String("email", "", "an editor's email")
	password := flag.String("password", "", "the editor's password")
	conns := flag.Int("conns", 2000, "open streams")
	perAddr := flag.Int("per-address", 20, "streams per loopback source address (the site caps them)")
	duration := flag.Duration("duration", time.Minute, "how long to post, one entry a second")
	flag.Parse()
	if err := run(*base, *email, *password, *conns, *perAddr, *duration); err != nil {
		fmt.Fprintln(os.Stderr, "live bench:", err)
		os.Exit(1)
	}
}

// arrival is an entry id and when one stream received it.
type arrival struct {
	id int64
	at time.Time
}

func run(base, email, password string, conns, perAddr int, duration time.Duration) error {
	article, err := liveArticle(base)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make([][]arrival, conns)
	var open, failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for i := range conns {
		wg.Go(func() {
			src := fmt.Sprintf("127.0.%d.%d", 1+i/perAddr/250, 1+(i/perAddr)%250)
			if err := stream(ctx, base, article, src, &open, func(a arrival) { got[i] = append(got[i], a) }); err != nil && ctx.Err() == nil {
				if failed.Add(1) <= 3 {
					fmt.Fprintln(os.Stderr, "stream:", err)
				}
			}
		})
		if i%100 == 99 {
			time.Sleep(20 * time.Millisecond) // a crowd arriving, not one burst
		}
	}
	for deadline := time.Now().Add(60 * time.Second); open.Load()+failed.Load() < int64(conns) && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	fmt.Printf("streams open: %d of %d in %v (%d failed)\n", open.Load(), conns, time.Since(start).Round(time.Millisecond), failed.Load())
	ed, err := signIn(base, email, password)
	if err != nil {
		return err
	}
	posted := map[int64]time.Time{}
	var took []time.Duration // how long each post took to answer
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for end := time.Now().Add(duration); time.Now().Before(end); <-tick.C {
		at := time.Now()
		id, err := post(ed, base, article, fmt.Sprintf("Benchmark update posted at %s.", at.Format(time.StampMilli)))
		if err != nil {
			return err
		}
		posted[id] = at
		took = append(took, time.Since(at))
	}
	slices.Sort(took)
	fmt.Printf("posting answered in: p50 %v  max %v\n", took[len(took)/2].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond))
	time.Sleep(3 * time.Second) // the last entry's way out
	cancel()
	wg.Wait()
	report(got, posted, open.Load())
	return nil
}

// liveArticle finds the demo's live article id: the seed story links to
// its live coverage, whose page names its stream.
func liveArticle(base string) (string, error) {
	seed, err := fetch(base + "/world-news/kim-jong-un-to-visit-russia-in-coming-days-confirms-kremlin")
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`class="live-follow">.*?href="([^"]+)"`).FindStringSubmatch(seed)
	if m == nil {
		return "", errors.New("the seed article links to no live coverage")
	}
	page, err := fetch(base + m[1])
	if err != nil {
		return "", err
	}
	s := regexp.MustCompile(`data-stream="/live/(\d+)/events"`).FindStringSubmatch(page)
	if s == nil {
		return "", errors.New("the live page names no stream")
	}
	return s[1], nil
}

func fetch(u string) (string, error) {
	res, err := http.Get(u)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %d", u, res.StatusCode)
	}
	return string(b), err
}

// stream reads one event stream from source address src until ctx ends,
// calling got for each entry event.
func stream(ctx context.Context, base, article, src string, open *atomic.Int64, got func(arrival)) error {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}, Timeout: 30 * time.Second}
	client := &http.Client{Transport: &http.Transport{DialContext: d.DialContext, DisableCompression: true}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/live/"+article+"/events", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "text/event-stream")
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("from %s: %d", src, res.StatusCode)
	}
	open.Add(1)
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "id: "); ok {
			if id, err := strconv.ParseInt(v, 10, 64); err == nil {
				got(arrival{id: id, at: time.Now()})
			}
		}
	}
	return sc.Err()
}

// signIn returns a client signed in as the editor.
func signIn(base, email, password string) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := postForm(c, base, "/admin/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusSeeOther || strings.HasPrefix(res.Header.Get("Location"), "/admin/login") {
		return nil, fmt.Errorf("sign in: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	return c, nil
}

func postForm(c *http.Client, base, path string, form url.Values) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res, nil
}

var entryAnchor = regexp.MustCompile(`#entry-(\d+)$`)

// post posts one entry from the composer and returns its id.
func post(c *http.Client, base, article, text string) (int64, error) {
	res, err := postForm(c, base, "/admin/articles/"+article+"/live/entries", url.Values{"text": {text}})
	if err != nil {
		return 0, err
	}
	m := entryAnchor.FindStringSubmatch(res.Header.Get("Location"))
	if res.StatusCode != http.StatusSeeOther || m == nil {
		return 0, fmt.Errorf("post: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	return strconv.ParseInt(m[1], 10, 64)
}

// report prints post→delivery latency over every stream and entry.
func report(got [][]arrival, posted map[int64]time.Time, open int64) {
	var lat []time.Duration
	for _, list := range got {
		for _, a := range list {
			if at, ok := posted[a.id]; ok {
				lat = append(lat, a.at.Sub(at))
			}
		}
	}
	want := int64(len(posted)) * open
	fmt.Printf("entries posted: %d; deliveries: %d of %d expected\n", len(posted), len(lat), want)
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	q := func(p float64) time.Duration {
		return lat[min(len(lat)-1, int(p*float64(len(lat))))].Round(time.Millisecond)
	}
	fmt.Printf("post→delivery latency: p50 %v  p99 %v  max %v\n", q(0.50), q(0.99), lat[len(lat)-1].Round(time.Millisecond))
}
