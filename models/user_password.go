package models

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Password rules and cost.
const (
	// PasswordCost is the bcrypt cost of stored passwords unless
	// Options.PasswordCost says otherwise (tests use bcrypt.MinCost).
	PasswordCost = 12
	// MinPasswordLen is the fewest characters a password may have.
	MinPasswordLen = 10
	// maxPasswordBytes is bcrypt's limit; longer input would be cut silently.
	maxPasswordBytes = 72
)

var (
	// ErrBadCredentials means the email or the password is wrong; which one
	// is deliberately not said.
	ErrBadCredentials = errors.New("models: wrong email or password")
	// ErrWeakPassword means a new password breaks the rules.
	ErrWeakPassword = errors.New("models: password must have at least 10 characters")
	// ErrPasswordTooLong means a new password is longer than bcrypt accepts.
	ErrPasswordTooLong = errors.New("models: password must be at most 72 bytes")
)

// CheckPassword reports why a new password is not acceptable, or nil.
func CheckPassword(pw string) error {
	if utf8.RuneCountInString(pw) < MinPasswordLen || strings.TrimSpace(pw) == "" {
		return ErrWeakPassword
	}
	if len(pw) > maxPasswordBytes {
		return ErrPasswordTooLong
	}
	return nil
}

// passwords hashes and checks passwords at one bcrypt cost.
type passwords struct {
	cost int
	// dummy is compared against when an email is unknown, so that a wrong
	// email takes as long as a wrong password and timing does not tell
	// which accounts exist. It is the hash, at the same cost, of a random
	// string nobody knows.
	dummy string
}

// defaultDummyHash is the dummy at PasswordCost, made once in advance.
const defaultDummyHash = "$2a$12$Z3r7QmoD0pkf8HoH96HuI.DWYnDs1x8PUCGcq8sJdykrlLRtadFNq"

var defaultPasswords = &passwords{cost: PasswordCost, dummy: defaultDummyHash}

// newPasswords returns the hasher for cost (PasswordCost when 0).
func newPasswords(cost int) (*passwords, error) {
	if cost == 0 || cost == PasswordCost {
		return defaultPasswords, nil
	}
	secret := make([]byte, 32)
	rand.Read(secret)
	dummy, err := bcrypt.GenerateFromPassword([]byte(hex.EncodeToString(secret)), cost)
	if err != nil {
		return nil, fmt.Errorf("models: password cost %d: %w", cost, err)
	}
	return &passwords{cost: cost, dummy: string(dummy)}, nil
}

// hash checks pw against the rules and returns its bcrypt hash.
func (p *passwords) hash(pw string) (string, error) {
	if err := CheckPassword(pw); err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), p.cost)
	if err != nil {
		return "", fmt.Errorf("models: hash password: %w", err)
	}
	return string(h), nil
}

// Authenticate returns the enabled user with that email and password, or
// ErrBadCredentials for a wrong email, a wrong password, a disabled account
// or one that cannot sign in.
func (s *UserStore) Authenticate(ctx context.Context, email, password string) (User, error) {
	var hash string
	u, err := scanUserHash(s.db.QueryRow(ctx,
		`SELECT `+userCols+`, password_hash FROM users WHERE email = ?`, strings.TrimSpace(email)), &hash)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return User{}, err
	}
	if err != nil || hash == "" {
		bcrypt.CompareHashAndPassword([]byte(s.pw.dummy), []byte(password))
		return User{}, ErrBadCredentials
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil || u.Disabled {
		return User{}, ErrBadCredentials
	}
	return u, nil
}

// CheckUserPassword reports whether password is the user's current one.
func (s *UserStore) CheckUserPassword(ctx context.Context, id int64, password string) (bool, error) {
	var hash string
	_, err := scanUserHash(s.db.QueryRow(ctx,
		`SELECT `+userCols+`, password_hash FROM users WHERE id = ?`, id), &hash)
	if err != nil {
		return false, err
	}
	return hash != "" && bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil, nil
}

// SetPassword checks and stores a new password for the user.
func (s *UserStore) SetPassword(ctx context.Context, id int64, password string) error {
	hash, err := s.pw.hash(password)
	if err != nil {
		return err
	}
	res, err := s.db.Exec(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, hash, id)
	if err != nil {
		return fmt.Errorf("models: set password: %w", err)
	}
	return mustAffect(res)
}
