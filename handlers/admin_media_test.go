package handlers

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
	"github.com/newsroom/news/models/imaging"
)

type uploadFile struct {
	name, contentType string
	data              []byte
}

// upload posts files to the library as a browser's multipart form would.
func (ts *testServer) upload(t testing.TB, files ...uploadFile) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="files"; filename="`+f.name+`"`)
		h.Set("Content-Type", f.contentType)
		part, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		part.Write(f.data)
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/admin/media", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return ts.do(t, req)
}

// bombPNG is a PNG header claiming w×h with almost no data behind it.
func bombPNG(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	b.WriteString("IHDR")
	b.Write(ihdr)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("IHDR"), ihdr...)))
	return b.Bytes()
}

func mediaCount(t testing.TB, ts *testServer) int {
	t.Helper()
	var n int
	if err := ts.H.DB.R.QueryRow(`SELECT COUNT(*) FROM media`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAdminMediaNeedsSignIn(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	res, _ := ts.get(t, "/admin/media")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/admin/login") {
		t.Errorf("anonymous library: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestUploadStoresGoodFilesAndNamesRefusedOnes(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	ts.signIn(t, models.RoleAuthor)
	jpg := testJPEG(t, 300, 200)
	webp, err := os.ReadFile("../models/imaging/testdata/blue-purple-pink.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	res, body := ts.upload(t,
		uploadFile{"harbour.jpg", "image/jpeg", jpg},
		uploadFile{"cover.webp", "application/octet-stream", webp},
		uploadFile{"notes.jpg", "image/jpeg", []byte("these are my notes, not a photo")},
		uploadFile{"half.jpg", "image/jpeg", jpg[:len(jpg)/2]},
		uploadFile{"bomb.png", "image/png", bombPNG(100000, 100000)},
		uploadFile{"huge.jpg", "image/jpeg", append(append([]byte{}, jpg...), make([]byte, imaging.MaxImageBytes)...)},
	)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d", res.StatusCode)
	}
	for _, want := range []string{
		"<strong>harbour.jpg</strong>: stored.",
		"<strong>cover.webp</strong>: stored.",
		"<strong>notes.jpg</strong>: not stored, not a JPEG, PNG, GIF or WebP image.",
		"<strong>half.jpg</strong>: not stored, the image is damaged or incomplete and cannot be read.",
		"<strong>bomb.png</strong>: not stored, the image&#39;s dimensions are not usable.",
		"<strong>huge.jpg</strong>: not stored, the file is larger than 10 MB.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("upload page lacks %q", want)
		}
	}
	if n := mediaCount(t, ts); n != 2 {
		t.Errorf("%d images stored, want 2", n)
	}
	res, body = ts.upload(t, uploadFile{"evil.svg", "image/svg+xml", []byte(`<svg onload="alert(1)"/>`)})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "evil.svg") {
		t.Errorf("upload of only a refused file: %d", res.StatusCode)
	}
}

func TestLibraryGridSearchAndUsage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ts.signIn(t, models.RoleEditor)
	m := ts.addImage(t, testJPEG(t, 200, 100), "Quokka on a lighthouse")
	res, body := ts.get(t, "/admin/media")
	if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("library: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	first := strings.Index(body, `class="media-tile"`)
	if first < 0 || !strings.Contains(body[first:first+400], "/admin/media/"+strconv.FormatInt(m.ID, 10)) {
		t.Error("the newest image is not first")
	}
	if !strings.Contains(body, "Used in 1 article:") || !strings.Contains(body, `rel="next"`) {
		t.Error("library shows no usage or no next page for the 33 demo images")
	}
	_, body = ts.get(t, "/admin/media?q=quokka")
	if strings.Count(body, `class="media-tile"`) != 1 {
		t.Errorf("search found %d images, want 1", strings.Count(body, `class="media-tile"`))
	}
	if res, _ := ts.get(t, "/admin/media?page=x"); res.StatusCode != http.StatusMovedPermanently {
		t.Errorf("bad page: %d", res.StatusCode)
	}
}

func TestEditImageDetails(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	au := ts.signIn(t, models.RoleAuthor)
	// Their own upload: an author edits only pictures they uploaded.
	m, err := ts.H.Media.Create(context.Background(), models.MediaInput{Data: testJPEG(t, 200, 100), Filename: "x.jpg", UploaderID: au.ID})
	if err != nil {
		t.Fatal(err)
	}
	path := "/admin/media/" + strconv.FormatInt(m.ID, 10)
	_, body := ts.get(t, path)
	if !strings.Contains(body, "Add alt text first") || strings.Contains(body, `id="snippet"`) {
		t.Error("an image without alt text offers its Markdown")
	}
	long := strings.Repeat("a", models.MaxAltLen+1)
	res, body := ts.postForm(t, path, url.Values{"alt": {long}, "caption": {"Kept caption"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Kept caption") ||
		!strings.Contains(body, "Keep this under 300 characters.") {
		t.Errorf("too long alt: %d", res.StatusCode)
	}
	res, _ = ts.postForm(t, path, url.Values{"alt": {"Cliffs at dusk"}, "caption": {"The north coast."}, "credit": {"Photo: R. Q."}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	got, _ := ts.H.Media.Get(context.Background(), m.ID)
	if got.Alt != "Cliffs at dusk" || got.Caption != "The north coast." || got.Credit != "Photo: R. Q." {
		t.Errorf("stored %+v", got)
	}
	_, body = ts.get(t, path)
	if !strings.Contains(body, `![Cliffs at dusk](/media/`+strconv.FormatInt(m.ID, 10)+`/1280.jpg &#34;The north coast. · Photo: R. Q.&#34;)`) {
		t.Error("no Markdown to insert the image")
	}
}

func TestDeletingAnImageInUseAsks(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	a, err := ts.H.Articles.PublishedBySlug(ctx, strings.TrimPrefix(seedURL, "/world-news/"))
	if err != nil {
		t.Fatal(err)
	}
	lead, _ := ts.H.Media.LeadFor(ctx, a.ID)
	path := "/admin/media/" + strconv.FormatInt(lead.ID, 10) + "/delete"

	ts.signIn(t, models.RoleAuthor)
	if res, _ := ts.postForm(t, path, url.Values{"confirm": {"yes"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("an author deleting: %d, want 403", res.StatusCode)
	}
	ts.signIn(t, models.RoleEditor)
	res, body := ts.postForm(t, path, nil)
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Delete anyway") || !strings.Contains(body, a.Title) {
		t.Fatalf("delete in use: %d", res.StatusCode)
	}
	if _, err := ts.H.Media.Get(ctx, lead.ID); err != nil {
		t.Fatal("deleted without confirmation")
	}
	if res, _ := ts.postForm(t, path, url.Values{"confirm": {"yes"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirmed delete: %d", res.StatusCode)
	}
	if _, err := ts.H.Media.Get(ctx, lead.ID); err != models.ErrNotFound {
		t.Error("image still there")
	}
	if res, _ := ts.get(t, lead.URL(640)); res.StatusCode != http.StatusNotFound {
		t.Errorf("deleted image still served: %d", res.StatusCode)
	}
	_, body = ts.get(t, seedURL)
	if strings.Contains(body, `class="story-lead"`) {
		t.Error("the article still shows the deleted lead image")
	}
}

func TestLeadImagePickerRequiresAltText(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, true)
	ctx := context.Background()
	ts.signIn(t, models.RoleEditor)
	a, _ := ts.H.Articles.PublishedBySlug(ctx, strings.TrimPrefix(seedURL, "/world-news/"))
	noAlt := ts.addImage(t, testJPEG(t, 400, 300), "")
	withAlt := ts.addImage(t, testJPEG(t, 400, 300), "Two leaders shake hands")
	aid := strconv.FormatInt(a.ID, 10)
	res, body := ts.get(t, "/admin/media/pick?article="+aid)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Lead picture now:") || !strings.Contains(body, "Add alt text</a> before using it") {
		t.Fatalf("picker: %d", res.StatusCode)
	}
	res, body = ts.postForm(t, "/admin/media/lead", url.Values{"article": {aid}, "media": {strconv.FormatInt(noAlt.ID, 10)}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "no alt text") {
		t.Errorf("lead without alt: %d", res.StatusCode)
	}
	res, _ = ts.postForm(t, "/admin/media/lead", url.Values{"article": {aid}, "media": {strconv.FormatInt(withAlt.ID, 10)},
		"back": {"https://evil.example/admin/x"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/admin/media/pick?article="+aid {
		t.Errorf("set lead: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	_, body = ts.get(t, seedURL)
	if !strings.Contains(body, `alt="Two leaders shake hands"`) {
		t.Error("the article does not show its new lead image")
	}
}
