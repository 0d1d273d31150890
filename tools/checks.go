package tools

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Rules across arguments that a schema cannot state, shared by several
// tools' check functions.

// requireChange refuses an update that names no field to change.
func requireChange(args map[string]any, ids ...string) error {
	for k := range args {
		if !slices.Contains(ids, k) {
			return nil
		}
	}
	return fmt.Errorf("invalid arguments: nothing to change; give at least one field besides %s",
		strings.Join(ids, " and "))
}

// checkSecret refuses a secret given as an argument that cannot be what
// the user meant (see secretProblem). It never repeats the value.
func checkSecret(name, value string) error {
	if problem := secretProblem(value); problem != "" {
		return fmt.Errorf("invalid arguments: %s %s; ask the user for the key again", name, problem)
	}
	return nil
}

// secretProblem says what makes value unusable as a secret, or "" when
// nothing does: empty, with spaces around or inside it, with control
// characters, or an unexpanded placeholder such as ${OPENAI_API_KEY}. The
// text never repeats the value.
func secretProblem(value string) string {
	switch {
	case strings.TrimSpace(value) == "":
		return "is empty"
	case strings.TrimSpace(value) != value:
		return "has spaces or a line break around it"
	case strings.ContainsFunc(value, unicode.IsControl):
		return "holds a control character"
	case strings.HasPrefix(value, "${") || strings.HasPrefix(value, "$") && !strings.ContainsAny(value, " {"):
		return "looks like an unexpanded placeholder ($NAME or ${NAME}), not a key"
	case strings.ContainsRune(value, ' ') && !strings.HasPrefix(value, "{"):
		return "has a space inside it"
	}
	return ""
}

// checkDateRange refuses a start_date after the end_date, which would
// only ever match nothing.
func checkDateRange(args map[string]any) error {
	from, _ := args["start_date"].(string)
	to, _ := args["end_date"].(string)
	if from == "" || to == "" {
		return nil
	}
	start, end := parseMoment(from), parseMoment(to)
	if start.After(end) {
		return fmt.Errorf("invalid arguments: start_date %s is after end_date %s", from, to)
	}
	return nil
}
