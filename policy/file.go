package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

// readFile reads the policy file that HMS_SOVEREIGN_POLICY_FILE names, if
// any. The file must be one JSON object whose keys are all settings' keys:
// a misspelt key must not leave a rule silently at its default.
func (l *loader) readFile() error {
	path, ok := l.env(EnvFile)
	if !ok {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s: %w", EnvFile, err)
	}
	var values map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&values); err != nil || values == nil || dec.More() {
		return fmt.Errorf("%s: %s is not one JSON object such as {\"max_calls_per_day\": 20}%s",
			EnvFile, path, errorDetail(err))
	}
	if unknown := unknownKeys(values); len(unknown) > 0 {
		return fmt.Errorf("%s: %s: unknown key %s; the keys are %s", EnvFile, path,
			strings.Join(unknown, ", "), strings.Join(fileKeys(), ", "))
	}
	l.path, l.file = path, values
	return nil
}

// errorDetail appends a decoding error to a message, if there is one.
func errorDetail(err error) string {
	if err == nil {
		return ""
	}
	return " (" + err.Error() + ")"
}

// unknownKeys returns the keys of values that are no setting's, quoted and
// sorted.
func unknownKeys(values map[string]json.RawMessage) []string {
	var unknown []string
	for k := range values {
		if !slices.Contains(fileKeys(), k) {
			unknown = append(unknown, fmt.Sprintf("%q", k))
		}
	}
	slices.Sort(unknown)
	return unknown
}

// fileKeys returns the keys a policy file may hold.
func fileKeys() []string {
	keys := make([]string, len(settings))
	for i, s := range settings {
		keys[i] = s.key
	}
	return keys
}

// fromFile decodes the file's value of s into v. It returns false when the
// file does not set s, and when the value is not want (noting a problem).
func (l *loader) fromFile(s setting, v any, want string) bool {
	raw, ok := l.file[s.key]
	if !ok {
		return false
	}
	if string(raw) == "null" || json.Unmarshal(raw, v) != nil {
		l.problemf("%s: must be %s", l.inFile(s), want)
		return false
	}
	return true
}
