package newsroom

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/newsroom/news/handlers/kit"
	"github.com/newsroom/news/models"
)

// SettingsForm is the settings page as typed.
type SettingsForm struct {
	SiteName       string            `form:"site_name"`
	Tagline        string            `form:"tagline"`
	TimeZone       string            `form:"time_zone"`
	ModerationMode string            `form:"moderation_mode"`
	HeldWords      string            `form:"held_words"`
	AutoCloseDays  string            `form:"auto_close_days"`
	Social         map[string]string // social_<key>, read one by one

	FieldErrors map[string]string
}

// SocialField is one social account's input on the settings page.
type SocialField struct {
	Key, Name, Value, Error string
}

// Option is a choice in a select.
type Option struct {
	Value, Label string
}

// AdminSettingsPage is the site settings form.
type AdminSettingsPage struct {
	Layout
	Form   SettingsForm
	Social []SocialField
	Modes  []Option
}

func (AdminSettingsPage) Template() string { return "admin_settings" }

// moderationModes are the choices for new comments, in the words editors use.
var moderationModes = []Option{
	{models.ModerateAll, "Hold every comment for review"},
	{models.ModerateUnknown, "Hold comments from first-time commenters"},
	{models.ModerateNone, "Publish comments at once"},
}

func settingsForm(st models.Settings) SettingsForm {
	f := SettingsForm{
		SiteName: st.SiteName, Tagline: st.Tagline, TimeZone: st.TimeZone,
		ModerationMode: st.ModerationMode, HeldWords: st.HeldWords,
		AutoCloseDays: strconv.Itoa(st.AutoCloseDays), Social: map[string]string{},
	}
	for k, v := range st.Social {
		f.Social[k] = v
	}
	return f
}

func (h *Handler) settingsPage(c echo.Context, status int, f SettingsForm) error {
	l, err := h.layout(c, "Settings", "settings")
	if err != nil {
		return err
	}
	p := AdminSettingsPage{Layout: l, Form: f, Modes: moderationModes}
	for _, n := range models.SocialNetworks {
		p.Social = append(p.Social, SocialField{Key: n.Key, Name: n.Name, Value: f.Social[n.Key], Error: f.FieldErrors["social_"+n.Key]})
	}
	return h.render(c, status, p)
}

func (h *Handler) SettingsShow(c echo.Context) error {
	st, err := h.Settings.Get(c.Request().Context())
	if err != nil {
		return err
	}
	return h.settingsPage(c, http.StatusOK, settingsForm(st))
}

func (h *Handler) SettingsUpdate(c echo.Context) error {
	var f SettingsForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	f.Social = map[string]string{}
	for _, n := range models.SocialNetworks {
		f.Social[n.Key] = strings.TrimSpace(c.FormValue("social_" + n.Key))
	}
	ctx := c.Request().Context()
	old, err := h.Settings.Get(ctx)
	if err != nil {
		return err
	}
	st, fe := validateSettings(f, old)
	if len(fe) > 0 {
		f.FieldErrors = fe
		return h.settingsPage(c, http.StatusUnprocessableEntity, f)
	}
	if err := h.Settings.Save(ctx, st); err != nil {
		if kit.CannotWrite(err) {
			h.Logger.Error("settings not saved", "id", kit.RequestID(c), "err", err)
			f.FieldErrors = map[string]string{"form": kit.KeptInputMessage}
			return h.settingsPage(c, http.StatusServiceUnavailable, f)
		}
		return err
	}
	changed := settingsChanges(old, st)
	if len(changed) == 0 {
		h.addFlash(c, "Nothing changed.")
	} else {
		h.audit(c, "setting.change", "changed the settings: "+strings.Join(changed, "; "))
		h.addFlash(c, "Settings saved.")
	}
	return c.Redirect(http.StatusSeeOther, "/admin/settings")
}

// validateSettings checks f and returns the settings it describes, or a
// message by each field that is wrong.
func validateSettings(f SettingsForm, old models.Settings) (models.Settings, fieldErrors) {
	fe := fieldErrors{}
	st := old
	st.SiteName = strings.TrimSpace(f.SiteName)
	if st.SiteName == "" {
		fe.add("site_name", "Please enter the site's name.")
	} else if utf8.RuneCountInString(st.SiteName) > 80 {
		fe.add("site_name", "Please keep the name under 80 characters.")
	}
	st.Tagline = strings.TrimSpace(f.Tagline)
	if utf8.RuneCountInString(st.Tagline) > 160 {
		fe.add("tagline", "Please keep the tagline under 160 characters.")
	}
	st.TimeZone = strings.TrimSpace(f.TimeZone)
	if _, err := time.LoadLocation(st.TimeZone); err != nil || st.TimeZone == "" || st.TimeZone == "Local" {
		fe.add("time_zone", "Please enter a time zone name such as Europe/London or America/New_York.")
	}
	st.ModerationMode = f.ModerationMode
	if st.ModerationMode != models.ModerateAll && st.ModerationMode != models.ModerateUnknown && st.ModerationMode != models.ModerateNone {
		fe.add("moderation_mode", "Please choose how new comments are handled.")
	}
	st.HeldWords = cleanLines(f.HeldWords)
	if utf8.RuneCountInString(st.HeldWords) > 10000 {
		fe.add("held_words", "Please keep the list under 10,000 characters.")
	}
	days, err := strconv.Atoi(strings.TrimSpace(f.AutoCloseDays))
	if strings.TrimSpace(f.AutoCloseDays) == "" {
		days, err = 0, nil
	}
	if err != nil || days < 0 || days > 3650 {
		fe.add("auto_close_days", "Please enter a number of days from 0 (never close) to 3650.")
	}
	st.AutoCloseDays = days
	st.Social = map[string]string{}
	for _, n := range models.SocialNetworks {
		v := f.Social[n.Key]
		if v != "" && !validLink(v, n.Key == "rss") {
			fe.add("social_"+n.Key, fmt.Sprintf("Please enter the full address of the %s page, starting with https://.", n.Name))
		}
		st.Social[n.Key] = v
	}
	return st, fe
}

// validLink reports whether s is an http(s) address with a host; local
// allows a path on this site too (the RSS feed is one).
func validLink(s string, local bool) bool {
	if len(s) > 500 || strings.ContainsAny(s, " \t\r\n\"<>") {
		return false
	}
	if local && strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil
}

// cleanLines trims each line and drops empty ones and repeats.
func cleanLines(s string) string {
	seen := map[string]bool{}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !seen[strings.ToLower(line)] {
			seen[strings.ToLower(line)] = true
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// settingsChanges describes what differs between a and b, for the audit log.
func settingsChanges(a, b models.Settings) []string {
	var out []string
	diff := func(name, x, y string) {
		if x != y {
			out = append(out, fmt.Sprintf("%s: %q → %q", name, clip(x), clip(y)))
		}
	}
	diff("site name", a.SiteName, b.SiteName)
	diff("tagline", a.Tagline, b.Tagline)
	diff("time zone", a.TimeZone, b.TimeZone)
	diff("moderation", a.ModerationMode, b.ModerationMode)
	diff("auto-close days", strconv.Itoa(a.AutoCloseDays), strconv.Itoa(b.AutoCloseDays))
	if a.HeldWords != b.HeldWords {
		out = append(out, "held words changed")
	}
	for _, n := range models.SocialNetworks {
		diff(n.Name, a.Social[n.Key], b.Social[n.Key])
	}
	return out
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:60]) + "…"
}
