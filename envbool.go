package main

import (
	"fmt"
	"strings"
)

// envBool reads a yes/no setting from the environment: 1, true or yes turn
// it on; 0, false, no or unset leave it off (any case). Anything else is an
// error naming the variable, so a typo stops the server at start instead of
// quietly meaning the opposite.
func envBool(getenv func(string) string, key string) (bool, error) {
	switch v := strings.ToLower(strings.TrimSpace(getenv(key))); v {
	case "1", "true", "yes":
		return true, nil
	case "", "0", "false", "no":
		return false, nil
	}
	return false, fmt.Errorf("%s=%q: use 1, true or yes to turn it on, 0, false or no to leave it off", key, getenv(key))
}
