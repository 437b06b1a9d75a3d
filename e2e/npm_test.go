package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// npmPackage returns the folder of an npm package at version under
// e2e/node_modules (ignored by git), installing it from the npm registry
// when it is missing or another version.
func npmPackage(name, version string) (string, error) {
	dir := filepath.Join("node_modules", name)
	if installedVersion(dir) != version {
		npm, err := exec.LookPath("npm")
		if err != nil {
			return "", fmt.Errorf("npm is needed to install %s %s (apt-get install -y npm): %w", name, version, err)
		}
		cmd := exec.Command(npm, "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
			"--prefix", ".", name+"@"+version)
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("npm install %s@%s: %w\n%s", name, version, err, out)
		}
		if v := installedVersion(dir); v != version {
			return "", fmt.Errorf("npm installed %s %q, want %s", name, v, version)
		}
	}
	return dir, nil
}

// installedVersion is the version of the npm package in dir, or "".
func installedVersion(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return ""
	}
	var p struct{ Version string }
	if json.Unmarshal(b, &p) != nil {
		return ""
	}
	return p.Version
}
