package newsroom

import (
	"strings"
	"unicode/utf8"
)

// LoginForm is the sign-in form as typed; the password is never sent back.
type LoginForm struct {
	Email    string `form:"email"`
	Password string `form:"password"`
	Next     string `form:"next"`
}

// SetupForm creates the first admin from a setup link.
type SetupForm struct {
	Token    string `form:"token"`
	Email    string `form:"email"`
	Name     string `form:"name"`
	Password string `form:"password"`
	Confirm  string `form:"confirm"`

	FieldErrors map[string]string
}

// PersonForm adds a user on the people page.
type PersonForm struct {
	Email    string `form:"email"`
	Name     string `form:"name"`
	Role     string `form:"role"`
	Password string `form:"password"`

	FieldErrors map[string]string
}

// PasswordForm changes the signed-in user's own password.
type PasswordForm struct {
	Current string `form:"current"`
	New     string `form:"new"`
	Confirm string `form:"confirm"`

	FieldErrors map[string]string
}

// fieldErrors collects messages by field name.
type fieldErrors map[string]string

func (fe fieldErrors) add(field, msg string) {
	if _, ok := fe[field]; !ok {
		fe[field] = msg
	}
}

// checkName validates a person's display name.
func checkName(fe fieldErrors, field, name string) string {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		fe.add(field, "Please enter a name.")
	case utf8.RuneCountInString(name) > 100:
		fe.add(field, "Please keep the name under 100 characters.")
	}
	return name
}
