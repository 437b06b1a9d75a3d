package handlers

import (
	"bytes"
	"encoding/binary"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/newsroom/news/models"
)

// withGPS puts an EXIF segment with a GPS directory into a JPEG, as a
// phone's camera does.
func withGPS(jpg []byte) []byte {
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a\x00\x00\x00\x08")
	binary.Write(&tiff, binary.BigEndian, uint16(1))
	binary.Write(&tiff, binary.BigEndian, []uint16{0x8825, 4})
	binary.Write(&tiff, binary.BigEndian, []uint32{1, 26, 0})
	tiff.WriteString("51.5007N 0.1246W")
	seg := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	out := append([]byte{0xFF, 0xD8, 0xFF, 0xE1}, byte((len(seg)+2)>>8), byte(len(seg)+2))
	return append(append(out, seg...), jpg[2:]...)
}

func TestMediaEditPageSaysWhatWasRemoved(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, false)
	ts.signIn(t, models.RoleAuthor)
	res, body := ts.upload(t, uploadFile{"phone.jpg", "image/jpeg", withGPS(testJPEG(t, 300, 200))},
		uploadFile{"plain.jpg", "image/jpeg", testJPEG(t, 300, 200)})
	mustStatus(t, res, body, http.StatusOK)
	_, data, err := ts.H.Media.Original(t.Context(), 1)
	if err != nil || bytes.Contains(data, []byte("51.5007N")) || bytes.Contains(data, []byte("Exif")) {
		t.Errorf("the stored original still holds its EXIF data (%v)", err)
	}
	for id, want := range map[int]string{
		1: "Removed from the original when it was stored: EXIF data (camera details, date, GPS position).",
		2: "The original carried no camera metadata (EXIF, XMP or IPTC) to remove.",
	} {
		res, body := ts.get(t, "/admin/media/"+strconv.Itoa(id))
		mustStatus(t, res, body, http.StatusOK)
		if !strings.Contains(body, want) {
			t.Errorf("edit page of image %d lacks %q", id, want)
		}
	}
}
